/* fixture_workplace.h: a small complete workplace document for the reader,
 * rules and bind unit tests. Line numbers matter to the tests: keep them. */
#ifndef AMOKIT_FIXTURE_WORKPLACE_H
#define AMOKIT_FIXTURE_WORKPLACE_H

#define FIXTURE_HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<workplace xmlns=\"urn:amokit:workplace:2\" version=\"2\">\n"

/* A full document; the headcount is a parameter (%s) for the rules tests. */
#define FIXTURE_FULL_FMT FIXTURE_HEAD \
	"  <name>  Værksted\n   Nord  ApS </name>\n"                                   /* 3 */ \
	"  <address>Havnevej 1, 8000 Aarhus C</address>\n" \
	"  <headcount>%s</headcount>\n"                                              /* 6 */ \
	"  %s\n"                                                                     /* 7: med */ \
	"  <logo>logo.png</logo>\n" \
	"  <people>\n" \
	"    <person id=\"boss\" role=\"employer\" attendance=\"present\"><name>Bo Ejer</name></person>\n" /* 10 */ \
	"    <person id=\"lea\" role=\"leader\" attendance=\"absent\"><name>Lea Leder</name></person>\n" \
	"    <person id=\"amr\" role=\"amr\" attendance=\"present\" new-in-amo=\"true\"><name>Ali Rep</name></person>\n" \
	"    <person id=\"emp\" role=\"employee\" attendance=\"present\" group=\"lager\"><name>Eva Ansat</name></person>\n" \
	"    <person id=\"adv\" role=\"adviser\"><name>Rita Råd</name></person>\n" \
	"  </people><amo><group id=\"lager\"><name>Lager</name><leader ref=\"lea\"/><amr ref=\"amr\"/></group></amo>\n" \
	"  <meeting>\n"                                                              /* 16 */ \
	"    <date>2026-02-03</date><start>13:00</start><end>15:30</end>\n" \
	"    <place>Kantinen</place><chair ref=\"lea\"/><minute-taker ref=\"emp\"/>\n" \
	"    <covers-year>2026</covers-year>\n" \
	"  </meeting>\n" \
	"  <last-year-goals><goal status=\"partly\" carried-over=\"true\"><title>Mindre støj</title></goal></last-year-goals>\n" /* 21 */ \
	"  <apv><last-date>2024-02-29</last-date><item status=\"open\"><problem>Tunge løft</problem><deadline>2026-06-30</deadline></item></apv>\n" \
	"  <focus-areas><area><title>Ergonomi</title></area></focus-areas>\n" \
	"  <goals><goal><title>Færre løft</title><deadline>2026-12-31</deadline></goal></goals>\n" \
	"  <action-plan><action status=\"in-progress\"><what>Løfteudstyr</what><who>Bo</who></action></action-plan>\n" \
	"  <cooperation><frequency>Hver måned</frequency></cooperation>\n"      /* 26 */ \
	"  <competence-plan>\n" \
	"    <knowledge present=\"true\">Vi ved nok</knowledge>\n" \
	"    <member ref=\"amr\"><item form=\"training\"><topic>Supplerende uddannelse</topic><hours>14.5</hours></item></member>\n" \
	"    <member ref=\"lea\"><item form=\"external\"><topic>Kursus</topic></item></member>\n" \
	"  </competence-plan>\n"                                                  /* 31 */ \
	"  <accidents year=\"2025\" accidents=\"2\" near-misses=\"0\"><incident kind=\"accident\" date=\"2025-03-04\"><description>Fald</description></incident></accidents>\n" \
	"  <announcements><announcement>Nyt lager</announcement></announcements>\n" \
	"  <agenda><point n=\"3\" start=\"13:10\" minutes=\"15\"><decision>Godkendt</decision></point></agenda>\n" \
	"  <wheel year=\"2026\" start-month=\"1\">\n" \
	"    <ring id=\"m\" colour=\"#112233\">Møder</ring><ring id=\"a\">APV</ring>\n" /* 36 */ \
	"    <activity ring=\"m\" repeat=\"monthly\"><title>AMO-møde</title><date>2026-01-15</date><time start=\"09:00\" end=\"10:00\"/></activity>\n" \
	"    <activity ring=\"a\"><title>APV</title><period from=\"2026-03-01\" to=\"2026-04-30\"/></activity>\n" \
	"    <activity ring=\"a\"><title>Rundgang</title><week>53</week></activity>\n" \
	"  </wheel>\n" \
	"</workplace>\n"

#define FIXTURE_NO_MED "<med-agreement applies=\"false\"/>"
#define FIXTURE_MED "<med-agreement applies=\"true\">MED-udvalget holder drøftelsen</med-agreement>"

#endif
