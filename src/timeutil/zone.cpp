#include "timeutil/zone.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

namespace steady::timeutil {

namespace {

using std::chrono::seconds;

constexpr int k_last_rule_year = 2200;
// RFC 8536: a UT offset lies in -89999..93599 seconds, just inside ±26 h.
constexpr seconds k_max_offset{26 * 3600};

// ---- reading TZif (RFC 8536) ------------------------------------------------

class Bytes {
  public:
    explicit Bytes(std::string_view data) : data_(data) {}

    bool has(std::size_t n) const { return data_.size() - pos_ >= n; }
    void skip(std::size_t n) { pos_ += n; }
    std::size_t pos() const { return pos_; }

    std::int64_t be(std::size_t width)
    {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < width; ++i)
            v = (v << 8) | static_cast<unsigned char>(data_[pos_ + i]);
        pos_ += width;
        if (width == 4)
            return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
        return static_cast<std::int64_t>(v);
    }
    unsigned char byte() { return static_cast<unsigned char>(data_[pos_++]); }
    std::string_view rest() const { return data_.substr(pos_); }

  private:
    std::string_view data_;
    std::size_t pos_ = 0;
};

struct Header {
    char version = 0;
    std::int64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

    // The size of the data block that follows, with `time_size`-byte times.
    std::size_t block(std::size_t time_size) const
    {
        return static_cast<std::size_t>(timecnt) * (time_size + 1) +
               static_cast<std::size_t>(typecnt) * 6 + static_cast<std::size_t>(charcnt) +
               static_cast<std::size_t>(leapcnt) * (time_size + 4) +
               static_cast<std::size_t>(isstdcnt) + static_cast<std::size_t>(isutcnt);
    }
};

std::optional<Header> read_header(Bytes& in)
{
    if (!in.has(44) || in.rest().substr(0, 4) != "TZif")
        return std::nullopt;
    in.skip(4);
    Header h;
    h.version = static_cast<char>(in.byte());
    in.skip(15);
    h.isutcnt = in.be(4);
    h.isstdcnt = in.be(4);
    h.leapcnt = in.be(4);
    h.timecnt = in.be(4);
    h.typecnt = in.be(4);
    h.charcnt = in.be(4);
    constexpr std::int64_t limit = 1 << 20;
    for (auto n : {h.isutcnt, h.isstdcnt, h.leapcnt, h.timecnt, h.typecnt, h.charcnt})
        if (n < 0 || n > limit)
            return std::nullopt;
    if (h.typecnt == 0)
        return std::nullopt;
    return h;
}

// ---- the POSIX TZ footer ("CET-1CEST,M3.5.0,M10.5.0/3") --------------------

struct RuleDate {
    enum class Form { julian_no_leap, julian_zero, month_week_day } form{};
    int a = 0, b = 0, c = 0; // Jn: a = n; n: a = n; Mm.w.d: a = m, b = w, c = d
    seconds time{2 * 3600};
};

struct Footer {
    seconds std_offset{0}; // east of UTC, as TZif stores them
    std::optional<seconds> dst_offset;
    RuleDate start, end;
};

class FooterReader {
  public:
    explicit FooterReader(std::string_view text) : text_(text) {}

    std::optional<Footer> read()
    {
        Footer f;
        if (!name())
            return std::nullopt;
        auto std_offset = hms(24);
        if (!std_offset)
            return std::nullopt;
        f.std_offset = -*std_offset;
        if (done())
            return f;
        if (!name())
            return std::nullopt;
        f.dst_offset = f.std_offset + seconds{3600};
        if (!done() && peek() != ',') {
            auto dst = hms(24);
            if (!dst)
                return std::nullopt;
            f.dst_offset = -*dst;
        }
        if (done()) { // no rule: POSIX's default, the US rules since 2007
            f.start = {RuleDate::Form::month_week_day, 3, 2, 0};
            f.end = {RuleDate::Form::month_week_day, 11, 1, 0};
            return f;
        }
        if (!eat(',') || !rule_date(f.start) || !eat(',') || !rule_date(f.end) || !done())
            return std::nullopt;
        return f;
    }

  private:
    bool done() const { return pos_ == text_.size(); }
    char peek() const { return done() ? '\0' : text_[pos_]; }
    bool eat(char c)
    {
        if (peek() != c)
            return false;
        ++pos_;
        return true;
    }

    bool name()
    {
        if (eat('<')) {
            auto close = text_.find('>', pos_);
            if (close == std::string_view::npos || close == pos_)
                return false;
            pos_ = close + 1;
            return true;
        }
        auto start = pos_;
        while (!done() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')))
            ++pos_;
        return pos_ - start >= 3;
    }

    std::optional<int> number(int max)
    {
        auto start = pos_;
        int n = 0;
        while (!done() && peek() >= '0' && peek() <= '9' && pos_ - start < 4)
            n = n * 10 + (text_[pos_++] - '0');
        if (pos_ == start || n > max)
            return std::nullopt;
        return n;
    }

    // [+-]hh[:mm[:ss]], hours up to `max_hours`.
    std::optional<seconds> hms(int max_hours)
    {
        int sign = 1;
        if (eat('-'))
            sign = -1;
        else
            eat('+');
        auto h = number(max_hours);
        if (!h)
            return std::nullopt;
        int m = 0, s = 0;
        if (eat(':')) {
            auto mm = number(59);
            if (!mm)
                return std::nullopt;
            m = *mm;
            if (eat(':')) {
                auto ss = number(59);
                if (!ss)
                    return std::nullopt;
                s = *ss;
            }
        }
        return seconds{sign * (*h * 3600 + m * 60 + s)};
    }

    bool rule_date(RuleDate& d)
    {
        if (eat('J')) {
            auto n = number(365);
            if (!n || *n < 1)
                return false;
            d = {RuleDate::Form::julian_no_leap, *n, 0, 0};
        } else if (eat('M')) {
            auto m = number(12);
            auto w = m && eat('.') ? number(5) : std::nullopt;
            auto wd = w && eat('.') ? number(6) : std::nullopt;
            if (!wd || *m < 1 || *w < 1)
                return false;
            d = {RuleDate::Form::month_week_day, *m, *w, *wd};
        } else {
            auto n = number(365);
            if (!n)
                return false;
            d = {RuleDate::Form::julian_zero, *n, 0, 0};
        }
        if (eat('/')) {
            auto t = hms(167); // RFC 8536 widens POSIX's 0..24 hours to -167..167
            if (!t)
                return false;
            d.time = *t;
        }
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

date::local_days rule_day(const RuleDate& d, int year)
{
    using namespace date;
    auto y = date::year{year};
    switch (d.form) {
    case RuleDate::Form::julian_no_leap: { // 1..365, February 29 never counted
        auto day = local_days{y / January / 1} + days{d.a - 1};
        if (y.is_leap() && d.a >= 60)
            day += days{1};
        return day;
    }
    case RuleDate::Form::julian_zero:
        return local_days{y / January / 1} + days{d.a};
    case RuleDate::Form::month_week_day:
        break;
    }
    auto month = date::month{static_cast<unsigned>(d.a)};
    auto weekday = date::weekday{static_cast<unsigned>(d.c)};
    if (d.b == 5)
        return local_days{y / month / weekday[last]};
    return local_days{y / month / weekday[static_cast<unsigned>(d.b)]};
}

// ---- finding zones --------------------------------------------------------

// Zone names are relative paths of plain segments: no "..", no absolute
// paths, nothing the tz folder holds that is not a zone.
bool plausible_name(std::string_view name)
{
    if (name.empty() || name.size() > 255 || name == "localtime" || name == "posixrules" ||
        name.starts_with("posix/") || name.starts_with("right/"))
        return false;
    std::size_t segment = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/') {
            if (i == segment)
                return false; // empty segment: leading, trailing or doubled '/'
            segment = i + 1;
            continue;
        }
        char c = name[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '+';
        if (!ok)
            return false;
    }
    return true;
}

std::string tz_dir()
{
    const char* env = std::getenv("TZDIR");
    if (env != nullptr && *env != '\0')
        return env;
    return "/usr/share/zoneinfo";
}

// A TZif v2 file with no transitions, one type at `offset` and `footer`:
// what a zone held only in its POSIX TZ rule looks like as a file.
std::string footer_only_tzif(seconds offset, std::string_view footer)
{
    std::string data = "TZif2";
    data.append(15, '\0');
    auto be32 = [&data](std::uint32_t n) {
        for (int shift = 24; shift >= 0; shift -= 8)
            data.push_back(static_cast<char>((n >> shift) & 0xFF));
    };
    for (std::uint32_t n : {0U, 0U, 0U, 0U, 1U, 4U})
        be32(n);
    be32(static_cast<std::uint32_t>(static_cast<std::int32_t>(offset.count())));
    data.append(std::string_view{"\0\0STD\0", 6}); // not DST, abbreviation "STD"
    std::string v2 = data;
    data.append(v2);
    data += '\n';
    data += footer;
    data += '\n';
    return data;
}

Zone builtin_utc()
{
    return *Zone::parse("UTC", footer_only_tzif(seconds{0}, "UTC0"));
}

void extend_by_footer(std::vector<date::sys_seconds>& transitions, std::vector<seconds>& offsets,
                      const Footer& f)
{
    auto last = transitions.empty() ? std::optional<date::sys_seconds>{} : transitions.back();
    if (!f.dst_offset)
        return; // no DST: the last transition's offset holds
    // Rules are worked out from the year of the file's last transition, but
    // not before 1900 (DST began in 1916) nor when that year is past
    // k_last_rule_year: a transition ages away (up to 2^40 s) would cost tens
    // of thousands of years of rules, and its year does not fit date::year
    // (-32767..32767), which wraps it (found by fuzz_tzif).
    const date::sys_seconds rules_from{date::sys_days{date::year{1900} / date::January / 1}};
    const date::sys_seconds rules_to{
        date::sys_days{date::year{k_last_rule_year} / date::January / 1}};
    if (last && *last >= rules_to)
        return;
    int first_year = 1970;
    if (last)
        first_year =
            *last < rules_from
                ? 1900
                : static_cast<int>(date::year_month_day{date::floor<date::days>(*last)}.year());
    struct Change {
        date::sys_seconds at;
        seconds offset;
    };
    std::vector<Change> changes;
    for (int y = first_year; y <= k_last_rule_year; ++y) {
        // DST starts at a local standard time and ends at a local DST time.
        auto start = date::sys_seconds{(rule_day(f.start, y) + f.start.time).time_since_epoch()} -
                     f.std_offset;
        auto end =
            date::sys_seconds{(rule_day(f.end, y) + f.end.time).time_since_epoch()} - *f.dst_offset;
        changes.push_back({start, *f.dst_offset});
        changes.push_back({end, f.std_offset});
    }
    // DST all year (RFC 8536 3.3.1: "0/0,J365/25") ends one year at the very
    // instant it starts the next; sorted stably, the start comes last and wins.
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Change& a, const Change& b) { return a.at < b.at; });
    const std::size_t from_file = transitions.size();
    for (const auto& c : changes) {
        if (last && c.at <= *last)
            continue;
        if (transitions.size() > from_file && c.at == transitions.back()) {
            offsets.back() = c.offset; // two changes at one instant: the later holds
            if (offsets[offsets.size() - 2] == c.offset) {
                transitions.pop_back(); // and together they changed nothing
                offsets.pop_back();
            }
            continue;
        }
        if (c.offset == offsets.back())
            continue; // no change (a rule the file already applied)
        transitions.push_back(c.at);
        offsets.push_back(c.offset);
    }
}

} // namespace

std::optional<Zone> Zone::parse(std::string name, std::string_view tzif)
{
    Bytes in{tzif};
    auto header = read_header(in);
    if (!header)
        return std::nullopt;
    std::size_t time_size = 4;
    if (header->version >= '2') {
        if (!in.has(header->block(4)))
            return std::nullopt;
        in.skip(header->block(4));
        header = read_header(in);
        if (!header)
            return std::nullopt;
        time_size = 8;
    }
    const Header& h = *header;
    if (!in.has(h.block(time_size)) || h.leapcnt > 0)
        return std::nullopt; // short, or a leap-second ("right/") zone

    auto timecnt = static_cast<std::size_t>(h.timecnt);
    auto typecnt = static_cast<std::size_t>(h.typecnt);
    std::vector<std::int64_t> times(timecnt);
    for (auto& t : times)
        t = in.be(time_size);
    std::vector<unsigned char> indices(timecnt);
    for (auto& i : indices) {
        i = in.byte();
        if (i >= typecnt)
            return std::nullopt;
    }
    std::vector<seconds> type_offsets(typecnt);
    for (auto& off : type_offsets) {
        off = seconds{in.be(4)};
        in.skip(2); // is_dst, abbreviation index
        if (off <= -k_max_offset || off >= k_max_offset)
            return std::nullopt;
    }
    in.skip(h.block(time_size) - timecnt * (time_size + 1) - typecnt * 6);

    Zone zone;
    zone.name_ = std::move(name);
    // Before the first transition: time type 0 (RFC 8536 §3.2).
    zone.offsets_.push_back(type_offsets[0]);
    // Times beyond what sys_seconds and the calendar can hold are clamped
    // away; zones only use such values as "the beginning of time".
    constexpr std::int64_t k_far = std::int64_t{1} << 40;
    for (std::size_t i = 0; i < timecnt; ++i) {
        if (times[i] < -k_far || times[i] > k_far)
            continue;
        if (!zone.transitions_.empty() &&
            date::sys_seconds{seconds{times[i]}} <= zone.transitions_.back())
            return std::nullopt; // not ascending
        zone.transitions_.emplace_back(seconds{times[i]});
        zone.offsets_.push_back(type_offsets[indices[i]]);
    }

    if (time_size == 8) {
        auto rest = in.rest();
        if (rest.size() < 2 || rest.front() != '\n')
            return std::nullopt;
        auto close = rest.find('\n', 1);
        if (close == std::string_view::npos)
            return std::nullopt;
        auto text = rest.substr(1, close - 1);
        if (!text.empty()) {
            auto footer = FooterReader{text}.read();
            if (!footer)
                return std::nullopt;
            extend_by_footer(zone.transitions_, zone.offsets_, *footer);
        }
    }
    return zone;
}

namespace {

// Guards the zones read so far: import reads records (and their zones) on a
// thread of its own.
std::mutex& zone_cache_mutex()
{
    static std::mutex mutex;
    return mutex;
}

} // namespace

const Zone* Zone::find(std::string_view name)
{
    static std::map<std::string, std::unique_ptr<Zone>, std::less<>> cache;
    std::lock_guard lock(zone_cache_mutex());
    if (auto it = cache.find(name); it != cache.end())
        return it->second.get();
    std::unique_ptr<Zone> zone;
    if (plausible_name(name)) {
        std::ifstream file{tz_dir() + "/" + std::string{name}, std::ios::binary};
        if (file) {
            std::ostringstream bytes;
            bytes << file.rdbuf();
            if (auto parsed = parse(std::string{name}, bytes.str()))
                zone = std::make_unique<Zone>(std::move(*parsed));
        }
    }
    if (!zone && name == "UTC")
        zone = std::make_unique<Zone>(builtin_utc());
    if (!zone)
        return nullptr; // not kept: $TZDIR may change (tests), and misses are rare
    return cache.emplace(std::string{name}, std::move(zone)).first->second.get();
}

const Zone* Zone::from_posix(std::string_view rule)
{
    static std::map<std::string, std::unique_ptr<Zone>, std::less<>> cache;
    std::lock_guard lock(zone_cache_mutex());
    if (auto it = cache.find(rule); it != cache.end())
        return it->second.get();
    if (rule.empty() || rule.size() > 100 || rule.find('\n') != std::string_view::npos)
        return nullptr;
    auto footer = FooterReader{rule}.read();
    if (!footer)
        return nullptr;
    auto parsed = parse(std::string{rule}, footer_only_tzif(footer->std_offset, rule));
    if (!parsed)
        return nullptr;
    auto zone = std::make_unique<Zone>(std::move(*parsed));
    return cache.emplace(std::string{rule}, std::move(zone)).first->second.get();
}

const Zone& Zone::utc()
{
    return *find("UTC");
}

seconds Zone::offset(date::sys_seconds at) const
{
    auto k = std::upper_bound(transitions_.begin(), transitions_.end(), at) - transitions_.begin();
    return offsets_[static_cast<std::size_t>(k)];
}

date::sys_seconds Zone::to_sys(date::local_seconds local) const
{
    const date::sys_seconds u{local.time_since_epoch()};
    const seconds window = k_max_offset + std::chrono::hours{1};
    auto n = transitions_.size();
    auto index = [this](date::sys_seconds t) {
        return static_cast<std::size_t>(
            std::upper_bound(transitions_.begin(), transitions_.end(), t) - transitions_.begin());
    };
    // Intervals lo..hi are all that can hold u - offset for any offset.
    std::size_t lo = index(u - window);
    std::size_t hi = index(u + window);
    for (std::size_t k = lo; k <= hi; ++k) {
        auto candidate = u - offsets_[k];
        if ((k == 0 || candidate >= transitions_[k - 1]) && (k == n || candidate < transitions_[k]))
            return candidate; // the first that fits is the earliest
    }
    // In a gap: the local time was skipped, so it names the instant the gap ends.
    for (std::size_t k = lo; k < hi && k < n; ++k)
        if (offsets_[k + 1] > offsets_[k] && u - offsets_[k] >= transitions_[k] &&
            u - offsets_[k + 1] < transitions_[k])
            return transitions_[k];
    return u - offsets_[lo];
}

} // namespace steady::timeutil
