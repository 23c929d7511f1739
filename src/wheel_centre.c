/* wheel_centre.c: the disc in the middle of the årshjul: the title with
 * the year, and the workplace's name under it, as large as fits the disc,
 * whole; on a blank wheel, fields to write the year and the workplace in.
 * The disc is one closed curve, so no seam runs through the title. */
#include "aarshjul_int.h"

#include <math.h>
#include <string.h>

/* A whole disc, one closed curve (no seam to stroke). */
static int disc(poster *p, double r, rgb fill, float width, rgb stroke)
{
	path_el *els = arena_array(p->doc->arena, 8, sizeof *els);
	if (!els)
		return -1;
	size_t n = wheel_arc(p->c, r, 0, WHEEL_TAU, true, els, 7);
	els[n++] = (path_el){.op = PATH_CLOSE};
	return draw_path(p->doc, p->page, els, n, width, stroke, &fill, 0);
}

#define NAME_LINES 5

/* The widest a line may be when `lines` lines of size ns hang from top:
 * the disc's chord at the lowest line's bottom, less a margin. */
static float chord(const poster *p, double top, float ns, size_t lines)
{
	double y = top + lines * wheel_text_h(p, ns) * 1.12 - p->c.y;
	return (float)(2 * (sqrt(fmax(0, p->rc * p->rc - y * y)) - 0.4 * ns));
}

static int centred(poster *p, const char *s, size_t len, double y, float size, font_style st, rgb col)
{
	float w = wheel_measure(p, st, size, s, len);
	wrun r = {s, len, p->c.x - w / 2, (float)y, size, w, 0, st, false};
	return wheel_push_run(p, &r, col);
}

/* The workplace's name under the title (whose bottom is at top), inside
 * the disc: the largest size and fewest lines that hold it whole; a name
 * that does not fit at the least size ends in an ellipsis. */
static int name(poster *p, const char *s, double top)
{
	size_t st[NAME_LINES], ln[NAME_LINES], rest, len = strlen(s);
	float least = 0.6f * p->Lmin;
	for (float ns = p->L; ns >= least; ns *= 0.92f)
		for (size_t lines = 1; lines <= NAME_LINES; lines++) {
			float w = chord(p, top, ns, lines);
			if (w <= 0)
				break;
			size_t n = wheel_wrap(p->m, FONT_REGULAR, ns, s, w, st, ln, lines, &rest);
			bool whole = rest >= len;
			for (size_t i = 0; i + 1 < n; i++)
				whole &= s[st[i] + ln[i]] == ' ';
			if (!whole)
				continue;
			double y = top + p->m->ascent * ns;
			for (size_t i = 0; i < n; i++, y += wheel_text_h(p, ns) * 1.12)
				if (centred(p, s + st[i], ln[i], y, ns, FONT_REGULAR, p->st.ink))
					return -1;
			return 0;
		}
	/* the least size, as many lines as the disc holds, the last cut short */
	size_t lines = NAME_LINES;
	while (lines > 1 && chord(p, top, least, lines) <= 0)
		lines--;
	float w = chord(p, top, least, lines), ell = wheel_measure(p, FONT_REGULAR, least, "\xE2\x80\xA6", 3);
	size_t n = w > 0 ? wheel_wrap(p->m, FONT_REGULAR, least, s, w - ell, st, ln, lines, &rest) : 0;
	double y = top + p->m->ascent * least;
	for (size_t i = 0; i < n; i++, y += wheel_text_h(p, least) * 1.12) {
		const char *line = i + 1 < n ? NULL : arena_printf(p->doc->arena, "%.*s\xE2\x80\xA6", (int)ln[i], s + st[i]);
		if ((i + 1 == n && !line) ||
		    centred(p, line ? line : s + st[i], line ? strlen(line) : ln[i], y, least, FONT_REGULAR, p->st.ink))
			return -1;
	}
	p->name_shortened = true;
	return 0;
}

/* Fields to fill in by hand: a label and a writing line, centred. */
static int field(poster *p, const char *label, double y, float size, float width)
{
	float lw = wheel_measure(p, FONT_REGULAR, size, label, strlen(label));
	float x = p->c.x - width / 2;
	wrun r = {label, strlen(label), x, (float)y, size, lw, 0, FONT_REGULAR, false};
	return wheel_push_run(p, &r, p->st.muted) ||
	       draw_line(p->doc, p->page, x + lw + 0.3f * size, (float)y + 0.15f * size, x + width,
	                 (float)y + 0.15f * size, 0.06f * size, p->st.muted);
}

int wheel_centre(poster *p)
{
	if (disc(p, p->rc, p->st.centre, 0.1f * p->L, p->st.accent))
		return -1;
	const char *title = wheel_title(p);
	if (!title)
		return -1;
	float ts = p->title, tw = wheel_measure(p, FONT_BOLD, ts, title, strlen(title));
	while (tw > 1.7 * p->rc && ts > 0.6f * p->Lmin) {
		ts *= 0.94f;
		tw = wheel_measure(p, FONT_BOLD, ts, title, strlen(title));
	}
	bool fields = p->blank;
	double y = fields ? p->c.y - 0.25 * p->rc : p->c.y;
	if (centred(p, title, strlen(title), y, ts, FONT_BOLD, wheel_readable(p->st.accent, p->st.centre, 4.5)))
		return -1;
	double top = y + p->m->descent * ts;
	if (!fields)
		return p->wp && p->wp->name ? name(p, p->wp->name, top + 0.25 * ts) : 0;
	float fs = fmaxf(0.7f * p->L, 0.6f * p->Lmin), fw = (float)(1.5 * p->rc);
	double fy = top + 2.2 * fs;
	if (p->no_year && field(p, p->tx.blank_year, fy, fs, fw * 0.6f))
		return -1;
	return field(p, p->tx.blank_workplace, fy + (p->no_year ? 2.2 * fs : 0), fs, fw);
}

