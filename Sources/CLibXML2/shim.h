#ifndef CONCORD_CLIBXML2_SHIM_H
#define CONCORD_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, so <libxml/encoding.h> would pull in the
 * system ICU headers, which clash with the ICU that Foundation carries
 * ("'UErrorCode' has different definitions in different modules").
 * Undefining the switch after xmlversion.h keeps them out. Swift never
 * allocates an xmlCharEncodingHandler (the ICU fields sit at its end), so the
 * layout difference is never seen. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/HTMLparser.h>
#include <libxml/valid.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemas.h>

/* xmlFree is a global function pointer: Swift 6 refuses to read a mutable global, so call it here. */
static inline void concord_xml_free(void *pointer) { xmlFree(pointer); }
#endif
