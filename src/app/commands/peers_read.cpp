#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>

#include <nlohmann/json.hpp>

#include "app/commands/peers.hpp"
#include "app/mail_summary.hpp"
#include "app/output/files.hpp"
#include "base/error.hpp"

namespace steady::app {

namespace {

using SummaryJson = nlohmann::json;

// A summary is a few kilobytes; this leaves room for a year of notes.
constexpr std::uintmax_t k_summary_max_bytes = std::uintmax_t{16} * 1024 * 1024;

// Reads fields of one summary, naming the file and the field in errors.
class SummaryReader {
  public:
    explicit SummaryReader(const std::string& file) : m_file(file) {}

    [[noreturn]] void bad(const std::string& why) const
    {
        throw DataError("'" + m_file + "' is not a steady summary: " + why);
    }

    const SummaryJson& field(const SummaryJson& parent, const char* key,
                             const std::string& path) const
    {
        auto it = parent.find(key);
        if (it == parent.end())
            bad(path + " is missing");
        return *it;
    }

    const SummaryJson& object(const SummaryJson& parent, const char* key,
                              const std::string& path) const
    {
        const auto& value = field(parent, key, path);
        if (!value.is_object())
            bad(path + " is not an object");
        return value;
    }

    std::string text(const SummaryJson& parent, const char* key, const std::string& path) const
    {
        const auto& value = field(parent, key, path);
        if (!value.is_string() || value.get_ref<const std::string&>().empty())
            bad(path + " is not a non-empty text");
        return value.get<std::string>();
    }

    timeutil::Day day(const SummaryJson& value, const std::string& path) const
    {
        auto parsed = value.is_string()
                          ? timeutil::parse_stored_day(value.get_ref<const std::string&>())
                          : std::nullopt;
        if (!parsed)
            bad(path + " is not a day (YYYY-MM-DD): " + value.dump());
        return *parsed;
    }

    // A count of `parent[key]`, nullopt when absent or null.
    std::optional<int> count(const SummaryJson& parent, const char* key,
                             const std::string& path) const
    {
        auto it = parent.find(key);
        if (it == parent.end() || it->is_null())
            return std::nullopt;
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
            it->get<std::int64_t>() > std::numeric_limits<int>::max())
            bad(path + " is not a whole number of 0 or more: " + it->dump());
        return it->get<int>();
    }

    std::optional<double> number(const SummaryJson& parent, const char* key,
                                 const std::string& path) const
    {
        auto it = parent.find(key);
        if (it == parent.end() || it->is_null())
            return std::nullopt;
        if (!it->is_number() || !std::isfinite(it->get<double>()))
            bad(path + " is not a number: " + it->dump());
        return it->get<double>();
    }

  private:
    std::string m_file;
};

void read_summary_head(const SummaryReader& r, const SummaryJson& root, domain::PeerSummary& s)
{
    if (!root.is_object())
        r.bad("it is JSON, but not an object");
    auto format = root.find("format");
    if (format == root.end() || !format->is_string())
        r.bad("it has no \"format\": \"steady-summary\"");
    if (*format != "steady-summary")
        r.bad("its format is " + format->dump() + ", not \"steady-summary\"");
    const auto& version = r.field(root, "version", "version");
    if (!version.is_number_integer() || version.get<std::int64_t>() < 1)
        r.bad("version is not a version number: " + version.dump());
    if (version.get<std::int64_t>() > 1)
        r.bad("it is version " + version.dump() +
              ", newer than this steady reads (1); a newer steady can import it");
    const auto& from = r.object(root, "from", "from");
    if (auto name = from.find("name"); name != from.end() && name->is_null())
        r.bad("from.name is null: the sender has no 'name' in their steady config, so it "
              "cannot say whose summary it is");
    s.mentee = r.text(from, "name", "from.name");
    const auto& to = r.object(root, "to", "to");
    if (auto name = to.find("name"); name != to.end() && name->is_string())
        s.mentor = name->get<std::string>();
    const auto& period = r.object(root, "period", "period");
    s.period = {r.day(r.field(period, "from", "period.from"), "period.from"),
                r.day(r.field(period, "to", "period.to"), "period.to"), false};
    if (s.period.to < s.period.from)
        r.bad("its period ends before it starts");
    const auto& at = r.field(root, "generated_at", "generated_at");
    auto instant = at.is_string() ? timeutil::parse_stored_instant(at.get_ref<const std::string&>())
                                  : std::nullopt;
    if (!instant)
        r.bad("generated_at is not a time (ISO 8601 UTC): " + at.dump());
    s.generated_at = *instant;
}

void read_summary_days(const SummaryReader& r, const SummaryJson& root, domain::PeerSummary& s)
{
    const auto& missed = r.field(root, "missed_days", "missed_days");
    if (!missed.is_array())
        r.bad("missed_days is not a list of days");
    for (const auto& day : missed)
        s.missed.push_back(r.day(day, "missed_days"));
    std::sort(s.missed.begin(), s.missed.end());
}

// A measure of `sections` (mood, or the cravings' at_checkin): null or
// absent, or an object with an average and a change.
void read_summary_measure(const SummaryReader& r, const SummaryJson& parent, const char* key,
                          const std::string& path, std::optional<double>& average,
                          std::optional<double>& change)
{
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return;
    if (!it->is_object())
        r.bad(path + " is not an object");
    average = r.number(*it, "average", path + ".average");
    change = r.number(*it, "change", path + ".change");
}

void read_summary_clocks(const SummaryReader& r, const SummaryJson& clocks, domain::PeerSummary& s)
{
    const auto& list = r.field(clocks, "clocks", "sections.clocks.clocks");
    if (!list.is_array())
        r.bad("sections.clocks.clocks is not a list");
    s.has_clocks = true;
    for (const auto& item : list) {
        if (!item.is_object())
            r.bad("a clock in sections.clocks is not an object");
        domain::PeerClock clock;
        clock.name = r.text(item, "name", "a clock's name");
        auto run = r.number(item, "run_minutes", "clock " + clock.name + ": run_minutes");
        clock.run_minutes = static_cast<std::int64_t>(run.value_or(0));
        if (auto lapses = item.find("lapses"); lapses != item.end() && !lapses->is_null()) {
            if (!lapses->is_array())
                r.bad("clock " + clock.name + ": lapses is not a list of days");
            for (const auto& day : *lapses) {
                auto lapse = r.day(day, "clock " + clock.name + ": lapses");
                ++clock.lapses;
                clock.last_lapse = clock.last_lapse ? std::max(*clock.last_lapse, lapse) : lapse;
            }
        }
        s.clocks.push_back(std::move(clock));
    }
}

void read_summary_sections(const SummaryReader& r, const SummaryJson& root, domain::PeerSummary& s)
{
    const auto& sections = r.object(root, "sections", "sections");
    if (auto it = sections.find("checkins"); it != sections.end() && !it->is_null()) {
        if (!it->is_object())
            r.bad("sections.checkins is not an object");
        s.checkins_done = r.count(*it, "done", "sections.checkins.done");
        s.checkins_days = r.count(*it, "days", "sections.checkins.days");
        s.current_streak = r.count(*it, "current_streak", "sections.checkins.current_streak");
    }
    read_summary_measure(r, sections, "mood", "sections.mood", s.mood_average, s.mood_change);
    if (auto it = sections.find("cravings"); it != sections.end() && !it->is_null()) {
        if (!it->is_object())
            r.bad("sections.cravings is not an object");
        read_summary_measure(r, *it, "at_checkin", "sections.cravings.at_checkin",
                             s.craving_average, s.craving_change);
    }
    if (auto it = sections.find("clocks"); it != sections.end() && !it->is_null()) {
        if (!it->is_object())
            r.bad("sections.clocks is not an object");
        read_summary_clocks(r, *it, s);
    }
}

// Whether `bytes` begin like an email: a header field name and a colon
// ("From:", "Received:", "MIME-Version:") on the first line.
bool summary_file_is_email(std::string_view bytes)
{
    std::size_t i = 0;
    while (i < bytes.size() && bytes[i] >= '!' && bytes[i] <= '~' && bytes[i] != ':')
        ++i;
    return i > 0 && i < bytes.size() && bytes[i] == ':';
}

std::string read_summary_file(const std::filesystem::path& path)
{
    std::error_code error;
    auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status))
        throw NoInputError("no file '" + path.string() + "'");
    if (std::filesystem::is_directory(status))
        throw DataError("'" + path.string() + "' is a folder, not a steady summary");
    auto size = std::filesystem::file_size(path, error);
    if (!error && size > k_summary_max_bytes)
        throw DataError("'" + path.string() +
                        "' is not a steady summary: it is far too large for one");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw NoInputError("cannot read '" + path.string() + "'");
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad())
        throw NoInputError("cannot read '" + path.string() + "'");
    return bytes;
}

} // namespace

domain::PeerSummary parse_peer_summary(std::string_view text, const std::string& file)
{
    SummaryReader reader(file);
    SummaryJson root;
    try {
        root = SummaryJson::parse(text);
    } catch (const SummaryJson::parse_error& e) {
        reader.bad(text.find_first_not_of(" \t\r\n") == std::string_view::npos
                       ? std::string("it is empty")
                       : "it is not JSON (at byte " + std::to_string(e.byte) + ")");
    } catch (const SummaryJson::out_of_range&) {
        // A number beyond a double's range (1e9999): valid JSON text that
        // nlohmann refuses with out_of_range.406 rather than a parse error.
        reader.bad("it holds a number too large to read");
    }
    domain::PeerSummary summary;
    read_summary_head(reader, root, summary);
    read_summary_sections(reader, root, summary);
    read_summary_days(reader, root, summary);
    summary.json = std::string(text);
    summary.sha256 = sha256_hex(text);
    return summary;
}

domain::PeerSummary read_peer_summary(const std::filesystem::path& path)
{
    auto bytes = read_summary_file(path);
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0)
        bytes.erase(0, 3);
    auto start = bytes.find_first_not_of(" \t\r\n");
    if (start != std::string::npos && bytes[start] != '{' && summary_file_is_email(bytes))
        return parse_peer_summary(summary_json_from_email(bytes, path.string()), path.string());
    return parse_peer_summary(bytes, path.string());
}

} // namespace steady::app
