/* model.c: the tokens of the workplace format's enumerated values; see
 * model.h. One table per enum, so the reader and bind cannot disagree. */
#include "model.h"

#include <assert.h>
#include <string.h>

const char *const am_role_tokens[] = {"employer", "leader", "amr", "employee", "adviser", NULL};
const char *const am_item_status_tokens[] = {"", "open", "in-progress", "done", NULL};
const char *const am_goal_status_tokens[] = {"", "reached", "partly", "not-reached", NULL};
const char *const am_done_tokens[] = {"", "done", "partly", "not-done", NULL};
const char *const am_form_tokens[] = {"training", "internal", "external", NULL};
const char *const am_incident_tokens[] = {"accident", "poisoning", "health-damage", "near-miss", NULL};
const char *const am_level_tokens[] = {"", "main", "area", "local", NULL};
const char *const am_function_tokens[] = {"", "chair", "vice-chair", NULL};
const char *const am_training_tokens[] = {"", "meeting", "apv", NULL};
const char *const am_repeat_tokens[] = {"", "monthly", "quarterly", "weekly", "every-2-weeks",
                                        "yearly", "every-2-years", NULL};
const char *const am_repeat_on_tokens[] = {"day", "weekday", "last-weekday", NULL};

int am_token_value(const char *const *tokens, const char *s, int fallback)
{
	for (int i = 0; s && tokens[i]; i++)
		if (strcmp(s, tokens[i]) == 0)
			return i;
	return fallback;
}

const char *am_token(const char *const *tokens, int v)
{
	assert(v >= 0);
	for (int i = 0; i < v; i++)
		assert(tokens[i]);
	assert(tokens[v]);
	return tokens[v][0] ? tokens[v] : NULL;
}
