/* fuzz_normalize.c - libFuzzer harness for gf_normalize and
 * gf_numeral_parse: any bytes in, a clean GF_EUTF8 or a NUL-terminated
 * result out, nothing leaked.  The first byte picks where the numeral
 * reader starts, so that it also sees text that opens mid-sentence. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "include/govfig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  size_t skip = data[0] % 8;
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  char *out = NULL;
  size_t out_len = 0;
  if (gf_normalize(text, len, &out, &out_len) == GF_OK) {
    if (!out || out[out_len] != '\0') __builtin_trap();
    size_t consumed = 0;
    char *value = NULL;
    const char *unit = NULL;
    if (skip < out_len &&
        gf_numeral_parse(out + skip, out_len - skip, &consumed, &value,
                         &unit) == GF_OK &&
        consumed > out_len - skip)
      __builtin_trap();
    gf_free(value);
  }
  gf_free(out);
  size_t consumed = 0;
  char *value = NULL;
  const char *unit = NULL;
  gf_numeral_parse(text, len, &consumed, &value, &unit);
  gf_free(value);
  return 0;
}
