// libFuzzer target: `steady import FILE.json` (a steady-journal export or a
// hand-written array of records) over arbitrary bytes; see fuzz_import.hpp.

#include "fuzz_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return steady::fuzz::import_one(data, size, "json");
}
