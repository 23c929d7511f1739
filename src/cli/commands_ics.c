/* commands_ics.c: the commands of amokit-ics, the calendar export: ics
 * only (cmd_ics.c says why it is a program of its own). */
#include "cli.h"

const command cli_commands[] = {
	CLI_ICS_COMMAND,
	{NULL, NULL, NULL, NULL, NULL},
};
