/* testutil.h: what every cmocka unit test includes. */
#ifndef AMOKIT_TESTUTIL_H
#define AMOKIT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
