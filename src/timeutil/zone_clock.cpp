#include "timeutil/time.hpp"

#include "base/error.hpp"
#include "timeutil/text.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace steady::timeutil {

bool is_known_zone(const std::string& name)
{
    return Zone::find(name) != nullptr;
}

namespace {

// "/usr/share/zoneinfo/Europe/Berlin" -> "Europe/Berlin"; other text unchanged.
std::string zone_name_from_path(std::string name)
{
    constexpr std::string_view marker = "zoneinfo/";
    if (auto pos = name.rfind(marker); pos != std::string::npos)
        name.erase(0, pos + marker.size());
    for (std::string_view prefix : {"posix/", "right/"})
        if (name.starts_with(prefix))
            name.erase(0, prefix.size());
    return name;
}

// The system zone: /etc/timezone, else the target of /etc/localtime, else UTC.
const Zone& system_zone()
{
    std::ifstream file{"/etc/timezone"};
    std::string line;
    if (file && std::getline(file, line))
        if (auto* zone = Zone::find(std::string{detail::trim(line)}))
            return *zone;
    std::error_code ec;
    auto target = std::filesystem::read_symlink("/etc/localtime", ec);
    if (!ec)
        if (auto* zone = Zone::find(zone_name_from_path(target.string())))
            return *zone;
    return Zone::utc();
}

} // namespace

const Zone& resolve_zone(const std::optional<std::string>& config_tz, const char* tz_env)
{
    if (config_tz) {
        if (auto* zone = Zone::find(*config_tz))
            return *zone;
        throw ConfigError("unknown time zone '" + *config_tz +
                          "' in config (use an IANA name such as Europe/Berlin)");
    }
    if (tz_env != nullptr && *tz_env != '\0') {
        std::string name = tz_env;
        if (name.front() == ':')
            name.erase(0, 1);
        if (name == "/etc/localtime" || name.empty())
            return system_zone(); // TZ=:/etc/localtime is "the system's zone"
        if (auto* zone = Zone::find(zone_name_from_path(name)))
            return *zone;
        if (auto* zone = Zone::from_posix(name))
            return *zone; // a POSIX rule such as CET-1CEST,M3.5.0,M10.5.0/3
        throw UsageError("unknown time zone '" + std::string{tz_env} +
                         "' in $TZ (use an IANA name such as Europe/Berlin)");
    }
    return system_zone();
}

Instant read_now(const char* steady_now, const Zone& zone)
{
    if (steady_now == nullptr || *steady_now == '\0')
        return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto parsed = detail::parse_iso(detail::normalize(steady_now));
    const auto& v = parsed.value;
    if (parsed.status != detail::IsoStatus::ok || !v.time_of_day)
        throw UsageError("STEADY_NOW='" + std::string{steady_now} +
                         "' is not an ISO 8601 time (e.g. 2026-11-22T08:30:00)");
    auto local = date::local_days{v.ymd} + *v.time_of_day;
    if (v.utc_offset)
        return Instant{local.time_since_epoch()} - *v.utc_offset;
    return to_instant(local, zone);
}

Day day_of(Instant at, const Zone& zone, Minutes day_start)
{
    return date::floor<date::days>(zone.to_local(at) - day_start);
}

// Zone::to_sys resolves a local time in a gap or overlap as date's
// to_sys(local, choose::earliest) does (see time.hpp).
Instant to_instant(date::local_seconds local, const Zone& zone)
{
    return zone.to_sys(local);
}

Instant start_of_day(Day day, const Zone& zone, Minutes day_start)
{
    return to_instant(date::local_seconds{day} + day_start, zone);
}

Day TimeContext::today() const
{
    return day_of(now, *zone, day_start);
}

} // namespace steady::timeutil
