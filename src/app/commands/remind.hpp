#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/json.hpp"

namespace steady::app {

// One thing `remind` found due: its kind ("checkin", "summary", "goal",
// "milestone", "alert"), the line it prints, and the kind's own JSON fields
// (written after "kind" and "message").
struct DueItem {
    std::string kind;
    std::string message;
    std::function<void(domain::JsonWriter&)> fields;
};

// What is due now (SPEC §8), read from the journal without writing: a
// missing check-in once remind.checkin_after has passed, partners whose
// summary cadence is due, goals behind their pace, milestones falling
// today; in that order. A missing journal has only the check-in.
std::vector<DueItem> collect_due(Context& ctx);

// Sends every partner who is due an alert (domain::alert_due: --alert-after
// days without a check-in, once per silence) one short note through
// share.command, and logs each in the share log as an "alert", delivered or
// not. Deciding, sending and logging happen in one write transaction, so two
// reminds at once never send twice. Looks in a read first, so a run with
// nothing to send takes no lock and creates nothing. A config without a
// usable `email` is a ConfigError before anything is sent. Returns one item
// per alert; `failed` tells why each undelivered one failed.
std::vector<DueItem> send_due_alerts(Context& ctx, std::vector<std::string>& failed);

} // namespace steady::app
