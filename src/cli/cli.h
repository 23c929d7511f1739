/* cli.h: what the files of the command line share.
 *
 * The command line is the only part of amokit that prints to a terminal,
 * ends the process or starts processes of its own (batch's workers, the
 * calendar helper); the library below src/cli/ returns codes and diag
 * records. A command is a function taking its own argv (argv[0] is the
 * command's name) and returning an exit code: 0 ok, 1 input rejected (or
 * warnings under --strict), 2 usage or I/O error, 3 internal error or out
 * of memory. What it prints is Danish, as are the library's messages: the
 * people who read it made the input. Conventions for every command:
 * options before or after the files; "-" for a workplace file is standard
 * input; --version anywhere; --max-size wherever a workplace is read; -o
 * creates its folder. */
#ifndef AMOKIT_CLI_H
#define AMOKIT_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "kit.h"

typedef struct command command;
struct command {
	const char *name;
	/* Runs the command: c is this entry (for its usage and help texts),
	 * argv[0] its name. */
	int (*run)(const command *c, int argc, char **argv);
	const char *usage;     /* arguments after the command's name */
	const char *summary;   /* one line for the overall usage */
	const char *help;      /* the options, for --help */
};

/* The program's commands, ended by a NULL name: amokit's (commands.c) or
 * the calendar helper's (commands_ics.c). Only main.c reads the table;
 * a command is given its own entry, so no command looks into it: the
 * files run one way, main.c -> the table -> the commands -> options.c. */
extern const command cli_commands[];

/* The commands. */
int cmd_check(const command *c, int argc, char **argv);
int cmd_render(const command *c, int argc, char **argv);
int cmd_blank(const command *c, int argc, char **argv);
int cmd_batch(const command *c, int argc, char **argv);
int cmd_ics(const command *c, int argc, char **argv);
int cmd_new(const command *c, int argc, char **argv);
int cmd_next_year(const command *c, int argc, char **argv);
int cmd_import(const command *c, int argc, char **argv);

/* Long options without a short letter. */
enum {
	OPT_STRICT = 1000, OPT_MAX_SIZE, OPT_HELP, OPT_ONLY, OPT_LAYOUTS, OPT_POSTER,
	OPT_LANDSCAPE, OPT_TILE, OPT_RHYTHM, OPT_PREVIOUS, OPT_YEAR, OPT_FORCE, OPT_NAME,
	OPT_HEADCOUNT, OPT_MED, OPT_PREVIOUS_DIR, OPT_LANG
};

/* A command's --help. */
void cli_print_help(const command *c, FILE *out);
/* Prints "amokit: what 'arg'" (or just what, when arg is NULL) to stderr,
 * arg escaped. */
void cli_print_error(const char *what, const char *arg);
/* Reports "what 'arg'" (or just what, when arg is NULL) as a usage error of
 * command c, with its usage line, and returns 2. */
int cli_usage_error(const command *c, const char *what, const char *arg);
/* SOURCE_DATE_EPOCH into *has and *t; false (message printed) when it is
 * set to anything but a whole number of seconds up to the end of 9999. */
bool cli_source_date(bool *has, long long *t);
/* Parses a command's options (opts, with shorts for getopt) in any order
 * with the files: --help and --max-size here, the others by on_opt, which
 * returns -1 to go on, an exit code, or -2 for an option it does not take.
 * Returns -1 to go on, or an exit code. */
int cli_options(const command *c, int argc, char **argv, const char *shorts, const struct option *opts,
                int (*on_opt)(const command *c, int opt, void *ctx), void *ctx);
/* Refuses "-" named twice among the files: -1 to go on, or the exit code. */
int cli_one_stdin(const command *c, int argc, char **argv);
/* Checks that exactly one FILE follows the options and makes the arena
 * for reading it: -1 to go on, else the exit code. */
int cli_one_file(const command *c, int argc, arena **a);
/* --max-size's argument: -1 to go on, or the exit code. */
int cli_max_size_option(const command *c, const char *arg);
/* mkdir -p path; AM_OK, or AM_EUSAGE with the reason printed. */
int cli_make_dirs(const char *path);
/* The folder above the output file path, made as cli_make_dirs; nothing
 * for "-", standard output. */
int cli_make_parent_dirs(const char *path);

/* --- help texts the command tables share --------------------------------- */

#define HELP_EXIT \
	"afslutning: 0 ok, 1 inddata afvist, 2 forkert brug eller fejl ved læsning/skrivning,\n" \
	"3 intern fejl eller ikke nok hukommelse\n"

#define HELP_MAX_SIZE \
	"  --max-size BYTE   afvis arbejdspladsfiler større end BYTE (standard 1 MiB)\n"

#define HELP_STDIN "FIL kan være - for standard-input.\n"

#define KIT_OPTIONS_HELP_COMMON \
	"  --only LISTE      kun disse dokumenter, adskilt af komma: forberedelsesark,\n" \
	"                    arbejdsark, informationsark, dagsorden, aarshjul, referat\n" \
	"  --poster STR      årshjulets papir: A3, A2 (standard), A1 eller A0\n" \
	"  --landscape       årshjulet på tværs\n" \
	"  --tile STR        del årshjulet på A4- eller A3-ark til kontorprinteren\n" \
	"  --lang SPROG      skriv arkene, dagsordenen og årshjulet på SPROG: da, en, de,\n" \
	"                    pl, ro, lt eller uk. Referatet er altid dansk, med en læsekopi\n" \
	"                    på SPROG; hver deltager får sit forberedelsesark på sit eget\n" \
	"                    sprog (lang på <person>)\n" \
	"  --with-rhythm     tilføj de aktiviteter, reglerne kræver, til årshjulet\n" \
	"  --layouts MAPPE   brug layouterne i MAPPE i stedet for de installerede\n" \
	"  --help            denne hjælp\n"

#define HELP_OUTPUT_DIR \
	"  -o, --output MAPPE  skriv PDF-filerne i MAPPE, som oprettes, hvis den mangler\n" \
	"                    (standard: den aktuelle mappe)\n" \
	"  -j, --jobs N      fordel dokumenterne på N tråde (standard: én pr. CPU)\n"


#define CLI_ICS_COMMAND \
	{"ics", cmd_ics, "[TILVALG]... FIL", "eksportér årshjulet som en kalenderfil (iCalendar)", \
	"  -o, --output FIL  skriv kalenderen i FIL (standard: standard-output)\n" \
	"  --with-rhythm     tilføj de aktiviteter, reglerne kræver, til kalenderen\n" \
	"  --layouts MAPPE   brug layouterne i MAPPE i stedet for de installerede\n" \
	HELP_MAX_SIZE \
	"  --help            denne hjælp\n" \
	"miljø: SOURCE_DATE_EPOCH bestemmer DTSTAMP (standard: mødedatoen)\n" \
	HELP_STDIN HELP_EXIT}

#endif
