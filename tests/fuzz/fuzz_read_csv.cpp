// libFuzzer target: read_csv_entries, the reader of `steady import
// FILE.csv` (RFC 4180, a header row naming the columns, an entry a row),
// over arbitrary bytes, without a journal; see fuzz_reader.hpp.

#include "fuzz_reader.hpp"

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace fz = steady::fuzz;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::int64_t last = 0;
    try {
        steady::app::read_csv_entries(
            in, fz::reader_time(), [&](std::int64_t line, steady::domain::Entry entry) {
                if (line <= last)
                    fz::broken("rows out of file order", "line " + std::to_string(line));
                last = line;
                fz::check_record(entry);
            });
    } catch (const steady::DataError&) { // NOLINT(bugprone-empty-catch): a refused file
    }
    return 0;
}
