#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace steady::timeutil {

// A time zone of the tz database, read from the system's compiled TZif files
// ($TZDIR, else /usr/share/zoneinfo) one zone at a time.
//
// Why not date::locate_zone: with the OS database, date's first lookup lists
// every file under /usr/share/zoneinfo (some 600 stat calls, 4-5 ms) before
// it reads the one zone asked for, and every command needs a zone; SPEC §11
// gives `steady --version` 5 ms in all. The test suite checks this reader
// against date::locate_zone, zone by zone (tests/unit/test_zone.cpp).
//
// Offsets after the file's last transition follow its POSIX TZ footer
// ("CET-1CEST,M3.5.0,M10.5.0/3"), so "slim" TZif files work too; transitions
// are worked out up to the year 2200, after which the last offset stays.
class Zone {
  public:
    // The zone `name` ("Europe/Berlin", "UTC", "Etc/GMT+5"), loaded on first
    // use and kept for the life of the process; nullptr when the name is not
    // a zone (unknown, not a TZif file, a path that leaves the zone folder, a
    // leap-second "right/" zone). Never throws.
    static const Zone* find(std::string_view name);

    // The zone a POSIX TZ rule describes, as $TZ may give it
    // ("CET-1CEST,M3.5.0,M10.5.0/3", "<+0330>-3:30", "UTC0"), named by the
    // rule; nullptr when `rule` is not one. Never throws.
    static const Zone* from_posix(std::string_view rule);

    // UTC: the system's, or a built-in one where there is no tz database.
    static const Zone& utc();

    // A zone named `name` from the bytes of a TZif file; nullopt when they
    // are not a valid one.
    static std::optional<Zone> parse(std::string name, std::string_view tzif);

    const std::string& name() const { return name_; }

    // The offset from UTC in effect at `at`.
    std::chrono::seconds offset(date::sys_seconds at) const;

    // The local time at `at`.
    date::local_seconds to_local(date::sys_seconds at) const
    {
        return date::local_seconds{(at + offset(at)).time_since_epoch()};
    }

    // The instant local time `local` names. In an overlap (clocks go back) the
    // first occurrence; in a gap (clocks go forward) the instant the gap ends,
    // as date's to_sys(local, choose::earliest) does. Never throws.
    date::sys_seconds to_sys(date::local_seconds local) const;

  private:
    Zone() = default;

    std::string name_;
    // Interval k runs from transitions_[k - 1] (or the beginning of time) to
    // transitions_[k] (or the end of time) with offset offsets_[k];
    // offsets_.size() == transitions_.size() + 1.
    std::vector<date::sys_seconds> transitions_;
    std::vector<std::chrono::seconds> offsets_;
};

} // namespace steady::timeutil
