/* render_pdfa.c: the document's XMP metadata, and what PDF/A-1 adds.
 *
 * Every document carries an XMP packet that repeats the document
 * information (XML-escaped, with the dates of the Info dictionary in the
 * form PDF/A-1 §6.7.3 matches them by), with its title and language, and
 * identifies it as PDF/UA-1 (ISO 14289-1 §5, §7.1: every document is
 * tagged, render_tag.c). The archive copy is also PDF/A-1a (ISO 19005-1:
 * level A is level B plus the logical structure, Unicode for every
 * character and the natural language, §6.8): its packet says so, and
 * declares the PDF/UA identification schema as PDF/A-1 §6.7.8 requires of
 * any schema it does not predefine; it gets an sRGB output intent with
 * the system's standard profile (icc.h). The document ID is set by
 * render.c from the content; the fonts' CIDSets by pdf_font.c. */
#include "render_priv.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "icc.h"

static void puts_(bytes *b, const char *s) { bytes_puts(b, s); }
static void put(bytes *b, const void *src, size_t n) { bytes_put(b, src, n); }

/* ---- XMP ------------------------------------------------------------- */

static void put_escaped(bytes *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': puts_(b, "&amp;"); break;
		case '<': puts_(b, "&lt;"); break;
		case '>': puts_(b, "&gt;"); break;
		case '"': puts_(b, "&quot;"); break;
		case '\'': puts_(b, "&apos;"); break;
		default: put(b, s, 1); break;
		}
	}
}

static void element(bytes *b, const char *open, const char *value, const char *close)
{
	if (!value || !value[0])
		return;
	puts_(b, open);
	put_escaped(b, value);
	puts_(b, close);
}

/* PDF/A-1 §6.7.8: the extension schema of the PDF/UA identification, in
 * the form of ISO 14289-1's example. */
static const char PDFUA_EXTENSION[] =
	"<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
	" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
	" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	"<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
	"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
	"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
	"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	"<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
	"<pdfaProperty:name>part</pdfaProperty:name>\n"
	"<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	"<pdfaProperty:category>internal</pdfaProperty:category>\n"
	"<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
	"</rdf:li></rdf:Seq></pdfaSchema:property>\n"
	"</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
	"</rdf:Description>\n";

static void xmp_packet(bytes *b, const draw_meta *m, const char *producer)
{
	char date[32] = "";
	time_t t = (time_t)m->timestamp;
	struct tm tm;
	if (gmtime_r(&t, &tm))
		strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
	puts_(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	         "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	         "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	         "<dc:format>application/pdf</dc:format>\n");
	element(b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", m->title, "</rdf:li></rdf:Alt></dc:title>\n");
	element(b, "<dc:creator><rdf:Seq><rdf:li>", m->author, "</rdf:li></rdf:Seq></dc:creator>\n");
	element(b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", m->subject,
	        "</rdf:li></rdf:Alt></dc:description>\n");
	element(b, "<dc:language><rdf:Bag><rdf:li>", m->lang, "</rdf:li></rdf:Bag></dc:language>\n");
	puts_(b, "</rdf:Description>\n"
	         "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	element(b, "<pdf:Keywords>", m->keywords, "</pdf:Keywords>\n");
	element(b, "<pdf:Producer>", producer, "</pdf:Producer>\n");
	puts_(b, "</rdf:Description>\n"
	         "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	element(b, "<xmp:CreatorTool>", m->creator, "</xmp:CreatorTool>\n");
	element(b, "<xmp:CreateDate>", date, "</xmp:CreateDate>\n");
	element(b, "<xmp:ModifyDate>", date, "</xmp:ModifyDate>\n");
	element(b, "<xmp:MetadataDate>", date, "</xmp:MetadataDate>\n");
	puts_(b, "</rdf:Description>\n"
	         "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	         "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n");
	if (m->pdfa) {
		puts_(b, "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
		         "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n"
		         "</rdf:Description>\n");
		puts_(b, PDFUA_EXTENSION);
	}
	puts_(b, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
}

/* ---- into the document ----------------------------------------------- */

int render_metadata(render_ctx *c, const char *producer, unsigned *obj)
{
	bytes b = {0};
	xmp_packet(&b, &c->doc->meta, producer);
	if (b.oom) {
		bytes_free(&b);
		return render_oom(c);
	}
	pdf *w = c->w;
	*obj = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_key_name(w, "Type", "Metadata");
	pdf_key_name(w, "Subtype", "XML");
	/* PDF/A-1 §6.7.2: not compressed in the archive copy */
	pdf_stream(w, b.p, b.n, !c->doc->meta.pdfa);
	pdf_end(w);
	bytes_free(&b);
	return render_status(c);
}

static int add_output_intent(render_ctx *c, unsigned *obj)
{
	arena *a = arena_new();
	if (!a)
		return render_oom(c);
	const unsigned char *profile;
	size_t len;
	int rc = icc_srgb(a, NULL, &profile, &len, c->d);
	if (rc) {
		arena_free(a);
		return c->fail = rc;
	}
	pdf *w = c->w;
	unsigned icc = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_key_int(w, "N", 3);
	pdf_stream(w, profile, len, true);
	pdf_end(w);
	arena_free(a);
	*obj = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_key_name(w, "Type", "OutputIntent");
	pdf_key_name(w, "S", "GTS_PDFA1");
	pdf_key_text(w, "OutputConditionIdentifier", "sRGB IEC61966-2.1");
	pdf_key_text(w, "Info", "sRGB IEC61966-2.1");
	pdf_key_ref(w, "DestOutputProfile", icc);
	pdf_dict_end(w);
	pdf_end(w);
	return render_status(c);
}

int render_pdfa(render_ctx *c, unsigned *intent) { return add_output_intent(c, intent); }
