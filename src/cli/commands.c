/* commands.c: amokit's commands, their usage lines and help texts. */
#include "cli.h"

const command cli_commands[] = {
	{"check", cmd_check, "[TILVALG]... FIL...",
	 "kontrollér arbejdspladsfiler, og hvad den årlige drøftelse dækker",
	 "  --strict          afslut med 1, når et punkt eller en deltager ikke er\n"
	 "                    dokumenteret: svaret er \"nej\" eller \"ikke oplyst\"\n"
	 "  --previous FIL    sidste års arbejdspladsfil: dens mål skal vurderes,\n"
	 "                    når FIL ikke selv vurderer nogen\n"
	 HELP_MAX_SIZE
	 KIT_OPTIONS_HELP_COMMON
	 "Dokumenterne laves, som render ville lave dem med de samme tilvalg, men\n"
	 "gemmes ikke: hvad render ville afvise, afviser check også.\n"
	 HELP_STDIN HELP_EXIT},
	{"render", cmd_render, "[TILVALG]... FIL", "skriv en arbejdsplads' dokumenter som PDF",
	 HELP_OUTPUT_DIR
	 "  --previous FIL    sidste års arbejdspladsfil: dens mål og åbne rækker i\n"
	 "                    handleplanen kommer med til opfølgning\n"
	 HELP_MAX_SIZE
	 KIT_OPTIONS_HELP_COMMON
	 HELP_STDIN HELP_EXIT},
	{"blank", cmd_blank, "[TILVALG]...", "skriv de tomme ark som PDF, til at udfylde i hånden",
	 HELP_OUTPUT_DIR
	 KIT_OPTIONS_HELP_COMMON
	 HELP_EXIT},
	{"batch", cmd_batch, "[TILVALG]... FIL...|MAPPE...",
	 "skriv dokumenterne for mange arbejdspladser på én gang",
	 "  -j, --jobs N      N processer ad gangen (standard: antallet af CPU'er)\n"
	 "  -o, --output MAPPE  skriv MAPPE/<navn>/*.pdf, hvor <navn> er hver fils navn\n"
	 "                    uden .xml (standard: den aktuelle mappe), og MAPPE/SHA256SUMS\n"
	 "  --previous-dir MAPPE  sidste års filer: en fil med samme navn (og undermappe)\n"
	 "                    som en arbejdspladsfil kommer med til opfølgningen\n"
	 HELP_MAX_SIZE
	 KIT_OPTIONS_HELP_COMMON
	 "En MAPPE gennemsøges for *.xml med sine undermapper, hvis struktur gentages\n"
	 "under -o. På en terminal vises en statuslinje, og til\n"
	 "sidst nævnes hver fil, der ikke kunne skrives, med grunden.\n"
	 "afslutning: 0 alt skrevet, 1 nogle filer fejlede, 2 forkert brug eller fejl ved\n"
	 "læsning/skrivning, 3 intern fejl\n"},
	CLI_ICS_COMMAND,
	{"new", cmd_new, "[TILVALG]... [FIL]", "skriv en ny arbejdspladsfil med kommentarer, til at udfylde",
	 "  -o, --output FIL  skriv filen i FIL (eller giv FIL; standard: standard-output)\n"
	 "  --name NAVN       arbejdspladsens navn (skal gives)\n"
	 "  --headcount N     antal ansatte (skal gives); det afgør, hvem der deltager,\n"
	 "                    og hvilke dele filen har\n"
	 "  --med             arbejdspladsen har en MED-aftale\n"
	 "  --year ÅR         det år, drøftelsen planlægger (standard: i år, fra\n"
	 "                    oktober næste år)\n"
	 "  --force           erstat FIL, hvis den findes\n"
	 "  --help            denne hjælp\n"
	 "Filen har alle felter, der gælder for arbejdspladsen, med en kommentar og et\n"
	 "eksempel over hvert. Tomme felter står tomme på dokumenterne. Kontrollér den\n"
	 "med amokit check FIL.\n"
	 HELP_EXIT},
	{"next-year", cmd_next_year, "[TILVALG]... FIL", "gør en arbejdspladsfil klar til næste års drøftelse",
	 "  -o, --output FIL  skriv den nye fil i FIL (standard: standard-output)\n"
	 "  --year ÅR         det nye år (standard: filens år + 1)\n"
	 "  --force           erstat FIL, hvis den findes\n"
	 HELP_MAX_SIZE
	 "  --help            denne hjælp\n"
	 "Årets mål bliver sidste års mål med status til at udfylde; rækker i\n"
	 "handleplanen og APV'en, der ikke er udført, og kompetenceudviklingsplanen\n"
	 "kommer med; årshjulet flyttes et år frem med sine regler; mødedatoen,\n"
	 "fremmødet, referatet, ulykker og meddelelser tømmes.\n"
	 HELP_STDIN HELP_EXIT},
	{"import", cmd_import, "[TILVALG]... ARBEJDSPLADS.xml CSV...",
	 "hent personer, årshjul, handleplan og APV fra regneark (CSV) ind i en arbejdspladsfil",
	 "  -o, --output FIL  skriv resultatet i FIL (standard: ARBEJDSPLADS.xml selv)\n"
	 "  --name NAVN       arbejdspladsens navn, når ARBEJDSPLADS.xml ikke findes\n"
	 "  --headcount N     antal ansatte, når ARBEJDSPLADS.xml ikke findes\n"
	 "  --med             arbejdspladsen har en MED-aftale (når filen ikke findes)\n"
	 "  --year ÅR         årshjulets år, når filen ikke har et årshjul\n"
	 HELP_MAX_SIZE
	 "  --help            denne hjælp\n"
	 "Et arks overskrifter siger, hvad det indeholder: Navn og Rolle (personer),\n"
	 "Aktivitet (årshjul), Hvad (handleplan) eller Problem (APV); se skabelonerne\n"
	 "i examples/import/. Gem regnearket som CSV (semikolonsepareret eller CSV UTF-8).\n"
	 "Er en række forkert, skrives intet.\n"
	 HELP_EXIT},
	{NULL, NULL, NULL, NULL, NULL},
};
