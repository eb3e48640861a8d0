/* error.c - fixed texts for the GF_E* codes, the version string and the
 * helpers that fill a caller's gf_error.  Messages are constants so that a
 * gf_error never owns memory. */
#include "common/common.h"

const char *gf_strerror(int code) {
  switch (code) {
  case GF_OK: return "success";
  case GF_EINVAL: return "invalid argument";
  case GF_ENOMEM: return "out of memory";
  case GF_EIO: return "input/output error";
  case GF_EPDF: return "damaged PDF: the reader cannot open it";
  case GF_EUTF8: return "text is not valid UTF-8";
  case GF_ELIMIT: return "regular expression match limit reached";
  case GF_EENCRYPTED: return "encrypted PDF: missing or wrong password";
  case GF_ENOTPDF: return "not a PDF file (no %PDF header)";
  case GF_EEMPTY: return "empty file";
  case GF_ENOTEXT:
    return "the PDF has no text layer (a scanned document: needs OCR)";
  case GF_ENOPAGES: return "the PDF has no pages";
  case GF_EBLANK: return "the PDF has no text and no images (blank pages)";
  case GF_ECSV: return "malformed CSV or a needed column missing";
  case GF_ESTORE: return "the database cannot be used";
  }
  return "unknown error";
}

const char *gf_version(void) { return GF_VERSION_STRING; }

int gf_error_fill(gf_error *err, int code, int page, size_t offset) {
  return gf_error_set(err, code, code ? gf_strerror(code) : NULL, page,
                      offset);
}

int gf_error_set(gf_error *err, int code, const char *msg, int page,
                 size_t offset) {
  if (err) {
    err->code = code;
    err->message = msg;
    err->page = page;
    err->offset = offset;
    err->line = 0;
  }
  return code;
}
