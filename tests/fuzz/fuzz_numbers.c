/* fuzz_numbers.c - libFuzzer harness for gf_numbers_scan: every number's
 * span must lie inside the input and in order; nothing leaked. */
#include <stddef.h>
#include <stdint.h>

#include "include/govfig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  gf_numbers *nums = NULL;
  gf_error err;
  if (gf_numbers_scan((const char *)data, size, 0, &nums, &err) == GF_OK) {
    size_t n = gf_numbers_count(nums), last = 0;
    for (size_t i = 0; i < n; i++) {
      const gf_number *num = gf_numbers_at(nums, i);
      if (!num || num->start > num->end || num->end > size ||
          num->start < last || !num->value || !num->unit)
        __builtin_trap();
      last = num->start;
    }
  }
  gf_numbers_free(nums);
  return 0;
}
