// libFuzzer target: `steady import FILE.csv` (RFC 4180, a header row naming
// the columns, one entry a row) over arbitrary bytes; see fuzz_import.hpp.

#include "fuzz_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return steady::fuzz::import_one(data, size, "csv");
}
