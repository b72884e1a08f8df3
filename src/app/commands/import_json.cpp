#include "app/commands/import_json.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/commands/import_records.hpp"
#include "base/error.hpp"

namespace steady::app {

using Json = nlohmann::json;

namespace {

// The sections of a steady-journal file, in the order export writes them.
constexpr std::array<const char*, 6> k_sections = {"goals",  "clocks", "partners",
                                                   "shares", "plan",   "entries"};
constexpr std::int64_t k_root_array = 6; // a file that is one array of entries
constexpr int k_position_bits = 40;

using Visit = std::function<void(std::int64_t index, ImportRecord record)>;

// Reads a steady-journal file as it streams past, one record at a time, and
// hands each to `visit`.
class JsonImport {
  public:
    JsonImport(const timeutil::TimeContext& time, const Visit& visit) : m_time(time), m_visit(visit)
    {
    }

    bool event(int depth, Json::parse_event_t event, Json& parsed)
    {
        using E = Json::parse_event_t;
        if (depth == 0 && (event == E::object_start || event == E::array_start)) {
            m_root = event == E::object_start ? Root::object : Root::array;
            m_section = m_root == Root::array ? k_root_array : -1;
            return true;
        }
        if (depth == 0 && event == E::value)
            throw DataError("not a steady journal export (a JSON object is expected)");
        int record_depth = m_root == Root::array ? 1 : 2;
        if (m_root == Root::object && depth == 1)
            return top_level(event, parsed);
        if (depth == record_depth && event == E::value)
            throw DataError(json_label(index()) + " is not an object");
        if (depth == record_depth && event == E::object_end) {
            record(parsed);
            ++m_position;
            return false;
        }
        return true;
    }

    void finish() const
    {
        if (m_root == Root::object && !m_format_seen)
            throw DataError("not a steady journal export (\"format\": \"steady-journal\" is "
                            "missing)");
    }

  private:
    enum class Root { none, object, array };

    std::int64_t index() const { return (m_section << k_position_bits) | m_position; }

    bool top_level(Json::parse_event_t event, Json& parsed)
    {
        using E = Json::parse_event_t;
        if (event == E::key) {
            m_key = parsed.get<std::string>();
            return true;
        }
        auto found = std::find_if(k_sections.begin(), k_sections.end(),
                                  [&](const char* name) { return m_key == name; });
        // "entries": 5 or {…} would otherwise import nothing of it, or be
        // called an unknown section.
        if (found != k_sections.end() && (event == E::value || event == E::object_start))
            throw DataError("the section '" + m_key + "' must be a list ([...])");
        if (event == E::value) {
            top_level_value(parsed);
            return false;
        }
        if (event == E::array_start) {
            if (found == k_sections.end())
                throw DataError("unknown section '" + m_key + "'");
            m_section = found - k_sections.begin();
            // A JSON object's keys should be unique (RFC 8259); a second
            // list of the same section would be read twice over, under the
            // same positions.
            if (m_seen[static_cast<std::size_t>(m_section)])
                throw DataError("the section '" + m_key + "' is given twice");
            m_seen[static_cast<std::size_t>(m_section)] = true;
            m_position = 0;
            return true;
        }
        if (event == E::object_start)
            throw DataError("unknown section '" + m_key + "'");
        return event != E::array_end && event != E::object_end;
    }

    void top_level_value(const Json& value)
    {
        if (m_key == "format") {
            if (value != "steady-journal")
                throw DataError("not a steady journal export (format " + value.dump() +
                                ", expected \"steady-journal\")");
            m_format_seen = true;
        } else if (m_key == "version") {
            if (!value.is_number_integer() || value.get<std::int64_t>() < 1)
                throw DataError("version must be 1 (got " + value.dump() + ")");
            if (value.get<std::int64_t>() > 1)
                throw DataError("written by a newer steady (version " + value.dump() +
                                "; this one reads version 1): update steady to import it");
        }
    }

    void record(const Json& parsed)
    {
        auto idx = index();
        auto convert = [&](auto from_json) {
            try {
                return from_json(parsed, m_time);
            } catch (const DataError& e) {
                throw DataError(json_label(idx) + ": " + e.what());
            }
        };
        switch (m_section) {
        case 0:
            m_visit(idx, convert(goal_from_json));
            break;
        case 1:
            m_visit(idx, convert(clock_from_json));
            break;
        case 2: {
            bool keeps_key = parsed.is_object() && !parsed.contains("pgp_fingerprint");
            m_visit(idx, ImportedPartner{convert(partner_from_json), keeps_key});
            break;
        }
        case 3:
            m_visit(idx, convert(share_from_json));
            break;
        case 4:
            m_visit(idx, convert(plan_item_from_json));
            break;
        default:
            m_visit(idx, convert(entry_from_json));
        }
    }

    const timeutil::TimeContext& m_time;
    const Visit& m_visit;
    Root m_root = Root::none;
    std::string m_key;
    std::int64_t m_section = -1;
    std::int64_t m_position = 0;
    bool m_format_seen = false;
    std::array<bool, k_sections.size()> m_seen{};
};

// "[json.exception.parse_error.101] parse error at line 3, …" without the bracket.
std::string parse_error_text(const Json::exception& e)
{
    std::string text = e.what();
    auto close = text.find("] ");
    return close == std::string::npos ? text : text.substr(close + 2);
}

} // namespace

std::string json_label(std::int64_t index)
{
    auto section = index >> k_position_bits;
    auto position = std::to_string(index & ((std::int64_t{1} << k_position_bits) - 1));
    if (section == k_root_array)
        return "[" + position + "]";
    return std::string(k_sections.at(static_cast<std::size_t>(section))) + "[" + position + "]";
}

void read_json_records(std::istream& in, const timeutil::TimeContext& time, const Visit& visit)
{
    JsonImport reader(time, visit);
    try {
        auto discarded = Json::parse(in, [&](int depth, Json::parse_event_t event, Json& parsed) {
            // Only the parser's own exceptions say the file is not JSON. One
            // from checking a record (a nlohmann type_error in a converter)
            // is steady's defect, not the file's: it must not pass for one.
            try {
                return reader.event(depth, event, parsed);
            } catch (const Json::exception& e) {
                throw std::logic_error(std::string("import, reading a record: ") + e.what());
            }
        });
        (void)discarded;
    } catch (const Json::exception& e) {
        throw DataError("not valid JSON: " + parse_error_text(e));
    }
    reader.finish();
}

} // namespace steady::app
