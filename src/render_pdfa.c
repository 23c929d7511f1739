/* render_pdfa.c: what PDF/A-1b adds to a document.
 *
 * An XMP packet that repeats the document information (XML-escaped, with
 * the dates of the Info dictionary in the form PDF/A-1 §6.7.3 matches them
 * by), and an sRGB output intent whose ICC profile (version 2.1, display
 * class) is computed here from the sRGB definition (IEC 61966-2-1), so no
 * profile file has to be shipped. The document ID is set by render.c from
 * the content; the fonts' CIDSets by pdf_font.c. */
#include "render_priv.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


static void put(bytes *b, const void *src, size_t n) { bytes_put(b, src, n); }
static void puts_(bytes *b, const char *s) { bytes_puts(b, s); }
static void put_u32(bytes *b, unsigned long v) { bytes_put32(b, (uint32_t)v); }
static void put_u16(bytes *b, unsigned v) { bytes_put16(b, v); }

static void put_s15f16(bytes *b, double v) { put_u32(b, (unsigned long)(long)lround(v * 65536)); }

static void pad4(bytes *b) { bytes_pad4(b); }

/* ---- the sRGB ICC profile ------------------------------------------- */

static void set_u32_at(bytes *b, size_t at, unsigned long v)
{
	for (int i = 0; i < 4; i++)
		b->p[at + i] = (unsigned char)(v >> (24 - 8 * i));
}

static void xyz_tag(bytes *b, double x, double y, double z)
{
	puts_(b, "XYZ ");
	put_u32(b, 0);
	put_s15f16(b, x), put_s15f16(b, y), put_s15f16(b, z);
}

static void curve_tag(bytes *b)
{
	enum { N = 1024 };
	puts_(b, "curv");
	put_u32(b, 0);
	put_u32(b, N);
	for (int i = 0; i < N; i++) {
		double v = (double)i / (N - 1);
		double lin = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
		put_u16(b, (unsigned)lround(lin * 65535));
	}
}

static void desc_tag(bytes *b, const char *text)
{
	puts_(b, "desc");
	put_u32(b, 0);
	put_u32(b, strlen(text) + 1);
	put(b, text, strlen(text) + 1);
	put_u32(b, 0), put_u32(b, 0);     /* no Unicode description */
	put_u16(b, 0);                     /* no ScriptCode description */
	unsigned char script[68] = {0};
	put(b, script, sizeof script);
}

static void text_tag(bytes *b, const char *text)
{
	puts_(b, "text");
	put_u32(b, 0);
	put(b, text, strlen(text) + 1);
}

/* Builds the profile into b. */
static void srgb_profile(bytes *b)
{
	static const char *const sigs[] = {"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"};
	enum { NTAGS = 9 };
	unsigned char header[128] = {0};
	put(b, header, sizeof header);
	if (b->oom)
		return;
	set_u32_at(b, 8, 0x02100000);
	memcpy(b->p + 12, "mntrRGB XYZ ", 12);
	const unsigned date[6] = {2024, 1, 1, 0, 0, 0};
	for (int i = 0; i < 6; i++)
		b->p[24 + 2 * i] = (unsigned char)(date[i] >> 8), b->p[25 + 2 * i] = (unsigned char)date[i];
	memcpy(b->p + 36, "acsp", 4);
	size_t at = 68;   /* PCS illuminant D50 */
	const double d50[3] = {0.9642, 1.0, 0.8249};
	for (int i = 0; i < 3; i++, at += 4)
		set_u32_at(b, at, (unsigned long)(long)lround(d50[i] * 65536));
	put_u32(b, NTAGS);
	size_t table = b->n;
	for (int i = 0; i < NTAGS * 3; i++)
		put_u32(b, 0);
	size_t trc_at = 0, trc_len = 0;
	for (int i = 0; i < NTAGS && !b->oom; i++) {
		pad4(b);
		size_t start = b->n;
		switch (i) {
		case 0: desc_tag(b, "sRGB IEC61966-2.1"); break;
		case 1: text_tag(b, "No copyright, use freely"); break;
		case 2: xyz_tag(b, 0.9642, 1.0, 0.8249); break;
		case 3: xyz_tag(b, 0.4361, 0.2225, 0.0139); break;
		case 4: xyz_tag(b, 0.3851, 0.7169, 0.0971); break;
		case 5: xyz_tag(b, 0.1431, 0.0606, 0.7141); break;
		case 6: curve_tag(b); trc_at = start, trc_len = b->n - start; break;
		default: start = trc_at; break;   /* the three curves share one tag */
		}
		if (b->oom)
			return;
		size_t len = i >= 6 ? trc_len : b->n - start;
		memcpy(b->p + table + 12 * i, sigs[i], 4);
		set_u32_at(b, table + 12 * i + 4, start);
		set_u32_at(b, table + 12 * i + 8, len);
	}
	if (!b->oom)
		set_u32_at(b, 0, b->n);
}

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
	         "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	         "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
	         "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
}

/* ---- into the document ----------------------------------------------- */

static int add_metadata(render_ctx *c, const char *producer, unsigned *obj)
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
	pdf_stream(w, b.p, b.n, false);   /* PDF/A-1 §6.7.2: not compressed */
	pdf_end(w);
	bytes_free(&b);
	return render_status(c);
}

static int add_output_intent(render_ctx *c, unsigned *obj)
{
	bytes b = {0};
	srgb_profile(&b);
	if (b.oom) {
		bytes_free(&b);
		return render_oom(c);
	}
	pdf *w = c->w;
	unsigned icc = pdf_begin(w, 0);
	pdf_dict(w);
	pdf_key_int(w, "N", 3);
	pdf_stream(w, b.p, b.n, true);
	pdf_end(w);
	bytes_free(&b);
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

int render_pdfa(render_ctx *c, const char *producer, unsigned *metadata, unsigned *intent)
{
	int rc = add_metadata(c, producer, metadata);
	return rc ? rc : add_output_intent(c, intent);
}
