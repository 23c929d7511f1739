/* layout_msg.c: a catalog message's text cut at its {placeholders} into
 * template nodes, as layout_load.c reads a catalog (layout_int.h). */
#include <string.h>

#include "layout_int.h"

lnode *layout_new_node(loader *ld, lkind kind, int line, const char *text)
{
	lnode *n = arena_alloc(ld->a, sizeof *n);
	if (!n) {
		ld->oom = 1;
		return NULL;
	}
	*n = (lnode){.kind = kind, .line = line, .text = text};
	return n;
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
	       c == '.';
}

/* A catalog text cut at its placeholders: L_TEXT pieces, L_PARAM for
 * {name}, L_TERM for {term:key} or {term:key|wording}; "{{" and "}}" are
 * braces. Returns the first node (*last: the last), or NULL when nothing
 * is left, on an error (reported) or out of memory (ld->oom). */
lnode *layout_placeholders(loader *ld, const char *text, int line, lnode **last)
{
	lnode *first = NULL;
	*last = NULL;
	char *buf = arena_alloc(ld->a, strlen(text) + 1);
	if (!buf) {
		ld->oom = 1;
		return NULL;
	}
	size_t k = 0;
	for (const char *p = text;; p++) {
		lnode *ph = NULL;
		if (*p == '{' && p[1] == '{') {
			buf[k++] = *p++;
			continue;
		}
		if (*p == '}' && p[1] == '}') {
			buf[k++] = *p++;
			continue;
		}
		if (*p == '{') {
			const char *end = strchr(p, '}');
			bool term = strncmp(p + 1, "term:", 5) == 0;
			const char *name = p + 1 + (term ? 5 : 0);
			size_t n = 0;
			while (name + n < end && name_char(name[n]))
				n++;
			const char *bar = term && name[n] == '|' ? name + n : NULL;
			if (!end || !n || (name + n != end && !bar) || (bar && bar + 1 == end)) {
				diag_error(ld->d, ld->file, line,
				           "a placeholder is {name}, {term:key} or {term:key|wording} (write {{ for a brace): '%.40s'",
				           p);
				return NULL;
			}
			char *nm = arena_strndup(ld->a, name, n);
			ph = nm ? layout_new_node(ld, term ? L_TERM : L_PARAM, line, nm) : NULL;
			if (ph && bar) {
				lattr *form = arena_alloc(ld->a, sizeof *form);
				if (!form || !(form->value = arena_strndup(ld->a, bar + 1, (size_t)(end - bar - 1)))) {
					ld->oom = 1;
					return NULL;
				}
				form->name = "form";
				form->next = NULL;
				ph->attrs = form;
			}
			if (!ph) {
				ld->oom = 1;
				return NULL;
			}
			p = end;
		}
		if (ph || !*p) {
			if (k) {
				buf[k] = '\0';
				lnode *t = layout_new_node(ld, L_TEXT, line, buf);
				if (!t)
					return NULL;
				if (*last)
					(*last)->next = t;
				else
					first = t;
				*last = t;
				buf += k + 1;
				k = 0;
			}
			if (ph) {
				if (*last)
					(*last)->next = ph;
				else
					first = ph;
				*last = ph;
			}
			if (!*p)
				return first;
			continue;
		}
		buf[k++] = *p;
	}
}
