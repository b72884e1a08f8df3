// libFuzzer target: read_json_records, the reader of `steady import
// FILE.json` (a steady-journal export or a hand-written array of entries),
// over arbitrary bytes, without a journal; see fuzz_reader.hpp.

#include "fuzz_reader.hpp"

#include <set>
#include <sstream>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace fz = steady::fuzz;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::set<std::int64_t> seen;
    try {
        steady::app::read_json_records(
            in, fz::reader_time(), [&](std::int64_t index, steady::app::ImportRecord record) {
                if (!seen.insert(index).second)
                    fz::broken("two records at one index", steady::app::json_label(index));
                std::visit([](const auto& r) { fz::check_record(r); }, record);
            });
    } catch (const steady::DataError&) { // NOLINT(bugprone-empty-catch): a refused file
    }
    return 0;
}
