#include <catch2/catch.hpp>

#include <string>

#include "base/error.hpp"
#include "domain/partner.hpp"

using namespace steady::domain;

TEST_CASE("email addresses are RFC 5322 addr-specs without spaces or lists", "[unit][partner]")
{
    struct Row {
        const char* text;
        bool valid;
    };
    const Row rows[] = {
        {"sam@example.org", true},
        {"s.a.m+tag@mail.example.org", true},
        {"o'brien@example.org", true}, // ' is atext
        {"a!#$%&*+-/=?^_`{|}~@example.org", true},
        {"\"sam;x\"@example.org", true},  // a quoted local part
        {"\"a\\\"b\"@example.org", true}, // a quoted pair inside it
        {"zoë@exämple.org", true},        // RFC 6532
        {"sam", false},
        {"sam@example", false}, // the domain needs a dot
        {"@example.org", false},
        {"sam@", false},
        {"sam@@example.org", false},
        {".sam@example.org", false},
        {"sam.@example.org", false},
        {"s..am@example.org", false},
        {"sam@example..org", false},
        {"sam@.example.org", false},
        {"sam@[127.0.0.1]", false}, // no domain literals
        {"sam @example.org", false},
        {"\"sam x\"@example.org", false}, // no spaces, even quoted
        {"sam@example.org\n", false},
        {"sam@example.org\r\nBcc: x@example.org", false},
        {"sam@example.org,x@example.org", false},
        {"Sam <sam@example.org>", false},
        {"$(id)@example.org", false}, // ( is not atext
        {"sam;rm@example.org", false},
        {"\"sam\\\"@example.org", false}, // the quote never closes
        {"", false},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(is_email_address(row.text) == row.valid);
    }
    CHECK_FALSE(is_email_address(std::string(250, 'a') + "@example.org"));
    CHECK(checked_email("  sam@example.org ") == "sam@example.org");
    CHECK_THROWS_AS(checked_email("nope"), steady::UsageError);
}

TEST_CASE("a scope is a list of sections, or all, changed by +x and -y", "[unit][partner]")
{
    auto scope = parse_scope("checkins, mood,CRAVINGS");
    CHECK(format_scope(scope) == "checkins,mood,cravings");
    CHECK(format_scope(parse_scope("clocks,checkins")) == "checkins,clocks");
    CHECK(parse_scope("all") == Scope::all());
    CHECK(format_scope(change_scope(scope, "+triggers")) == "checkins,mood,cravings,triggers");
    CHECK(format_scope(change_scope(scope, "-mood")) == "checkins,cravings");
    CHECK(format_scope(change_scope(scope, "+goals,-checkins")) == "mood,cravings,goals");
    CHECK(change_scope(scope, "all") == Scope::all());
    CHECK(format_scope(change_scope(scope, "meetings")) == "meetings");
    scope.notes = IncludeNotes::yes;
    CHECK(change_scope(scope, "+clocks").notes == IncludeNotes::yes);
    CHECK(change_scope(scope, "goals").notes == IncludeNotes::yes);
    CHECK_THROWS_AS(parse_scope("checkins,feelings"), steady::UsageError);
    CHECK_THROWS_AS(parse_scope(""), steady::UsageError);
    CHECK_THROWS_AS(change_scope(scope, "+goals,mood"), steady::UsageError);
    CHECK_THROWS_AS(change_scope(scope, "-all"), steady::UsageError);
}

TEST_CASE("partner names may hold anything printable", "[unit][partner]")
{
    CHECK(checked_partner_name("  Sam  ") == "Sam");
    CHECK(checked_partner_name("Sam \"$(x)\"; y") == "Sam \"$(x)\"; y");
    CHECK_THROWS_AS(checked_partner_name(""), steady::UsageError);
    CHECK_THROWS_AS(checked_partner_name("Sam\nBcc"), steady::UsageError);
    CHECK_THROWS_AS(checked_partner_name("-x"), steady::UsageError);
    CHECK_THROWS_AS(checked_partner_name("a\x1b[31m"), steady::UsageError);
}
