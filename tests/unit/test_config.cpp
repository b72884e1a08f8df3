#include "base/error.hpp"
#include "config/config.hpp"
#include "config/keys.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using steady::config::Env;
using steady::config::Loaded;

namespace {

// A file under the system temp folder, removed with its folder at scope exit.
class TempConfig {
  public:
    explicit TempConfig(const std::string& text)
    {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        m_dir = fs::temp_directory_path() /
                ("steady-config-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        fs::create_directories(m_dir);
        std::ofstream(m_dir / "config.toml", std::ios::binary) << text;
    }
    ~TempConfig()
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    TempConfig(const TempConfig&) = delete;
    TempConfig& operator=(const TempConfig&) = delete;

    fs::path path() const { return m_dir / "config.toml"; }
    fs::path dir() const { return m_dir; }

  private:
    fs::path m_dir;
};

const Env k_env = {{"HOME", "/home/alex"}};

Loaded load_text(const std::string& text)
{
    const TempConfig file(text);
    return steady::config::load(file.path(), false, k_env);
}

// The ConfigError message for `text`, with the temp path replaced by "P".
std::string config_error(const std::string& text)
{
    const TempConfig file(text);
    try {
        steady::config::load(file.path(), false, k_env);
    } catch (const steady::ConfigError& e) {
        CHECK(e.exit_code() == 78);
        std::string message = e.what();
        const std::string path = file.path().string();
        if (message.rfind(path, 0) == 0)
            message.replace(0, path.size(), "P");
        return message;
    }
    return "(no error)";
}

std::vector<std::string> messages(const Loaded& loaded)
{
    std::vector<std::string> out;
    for (const auto& warning : loaded.warnings)
        out.push_back(warning.message);
    return out;
}

} // namespace

TEST_CASE("a missing config file gives the defaults of SPEC §2", "[config]")
{
    const auto loaded = steady::config::load("/nonexistent/steady/config.toml", false, k_env);
    const auto& c = loaded.config;
    CHECK(loaded.warnings.empty());
    CHECK_FALSE(c.name);
    CHECK_FALSE(c.email);
    CHECK_FALSE(c.timezone);
    CHECK_FALSE(c.journal);
    CHECK_FALSE(c.currency);
    CHECK(c.day_starts_at_minutes == 0);
    CHECK(c.week_starts == "monday");
    CHECK(c.remind_checkin_after_minutes == 19 * 60);
    CHECK(c.share_default_period == "last 7 days");
    CHECK(c.milestones ==
          std::vector<std::string>{"24h", "7d", "30d", "60d", "90d", "6mo", "9mo", "1y", "18mo"});
    CHECK(c.share_command == std::vector<std::string>{"sendmail", "-t", "-i"});
    CHECK(c.remind_notify_command.empty());
    CHECK(c.peers_quiet_after == 3);
    CHECK(c.backup_keep == 10);
}

TEST_CASE("an empty location (no $HOME) also gives the defaults", "[config]")
{
    const auto where = steady::config::config_path(std::nullopt, Env{});
    CHECK(where.path.empty());
    CHECK(steady::config::load(where, Env{}).config.week_starts == "monday");
}

TEST_CASE("a config file the user named must exist (66)", "[config]")
{
    try {
        steady::config::load("/nonexistent/x.toml", true, k_env);
        FAIL("no error");
    } catch (const steady::NoInputError& e) {
        CHECK(e.exit_code() == 66);
        CHECK(std::string(e.what()) == "config file '/nonexistent/x.toml' does not exist");
    }
}

TEST_CASE("a directory is not a readable config file (78)", "[config]")
{
    const TempConfig file("");
    try {
        steady::config::load(file.dir(), true, k_env);
        FAIL("no error");
    } catch (const steady::ConfigError& e) {
        CHECK(e.exit_code() == 78);
        CHECK_THAT(e.what(), Catch::Matchers::Contains("cannot read config file"));
    }
}

TEST_CASE("examples/config.toml loads without warnings and with the spec's values", "[config]")
{
    const auto loaded =
        steady::config::load(fs::path(STEADY_SOURCE_DIR) / "examples" / "config.toml", true, k_env);
    const auto& c = loaded.config;
    CHECK(messages(loaded).empty());
    CHECK(c.name == "Alex");
    CHECK(c.email == "alex@example.org");
    CHECK(c.timezone == "Europe/Berlin");
    CHECK(c.day_starts_at_minutes == 4 * 60);
    CHECK(c.week_starts == "monday");
    CHECK(c.journal == fs::path("/home/alex/recovery/journal.db"));
    CHECK(c.currency == "EUR");
    CHECK(c.milestones ==
          std::vector<std::string>{"24h", "7d", "30d", "60d", "90d", "6mo", "9mo", "1y", "18mo"});
    CHECK(c.checkin_ask == std::vector<std::string>{"mood", "craving", "sober", "note"});
    CHECK(c.remind_checkin_after_minutes == 19 * 60);
    CHECK(c.remind_notify_command ==
          std::vector<std::string>{"notify-send", "steady", "{message}"});
    CHECK(c.share_command == std::vector<std::string>{"sendmail", "-t", "-i"});
    CHECK(c.share_default_period == "last 7 days");
    CHECK(c.sos_contacts == std::vector<std::string>{"Sam (sponsor) +1 555 0100",
                                                     "988 Suicide & Crisis Lifeline (US)"});
    CHECK(c.peers_quiet_after == 3);
    CHECK(c.backup_keep == 10);
}

TEST_CASE("examples/config.toml sets every key steady reads", "[config]")
{
    // "key =" lines, dotted with the [section] they are in.
    std::ifstream in(fs::path(STEADY_SOURCE_DIR) / "examples" / "config.toml");
    std::set<std::string> set_keys;
    std::string section, line;
    while (std::getline(in, line)) {
        if (line.starts_with('[') && line.find(']') != std::string::npos) {
            section = line.substr(1, line.find(']') - 1) + ".";
        } else if (!line.empty() && line[0] != '#' && line.find(" =") != std::string::npos) {
            set_keys.insert(section + line.substr(0, line.find(" =")));
        }
    }
    REQUIRE(set_keys.size() >= 10);
    for (const auto& spec : steady::config::detail::key_specs()) {
        INFO("key " << spec.key);
        CHECK(set_keys.count(std::string(spec.key)) == 1);
    }
    CHECK(set_keys.size() == steady::config::detail::key_specs().size());
}

TEST_CASE("values other than the defaults are read", "[config]")
{
    const auto c = load_text("day_starts_at = \"23:59\"\n"
                             "week_starts = \"SunDay\"\n"
                             "milestones = [\"12h\", \"2w\", \"3mo\", \"2y\"]\n"
                             "[checkin]\nask = [\"tags\", \"energy\", \"sleep\", \"gratitude\"]\n"
                             "[remind]\ncheckin_after = \"00:00\"\n"
                             "[share]\ndefault_period = \"this month\"\n"
                             "[peers]\nquiet_after = 14\n"
                             "[backup]\nkeep = 1\n")
                       .config;
    CHECK(c.day_starts_at_minutes == 23 * 60 + 59);
    CHECK(c.week_starts == "sunday");
    CHECK(c.milestones == std::vector<std::string>{"12h", "2w", "3mo", "2y"});
    CHECK(c.checkin_ask == std::vector<std::string>{"tags", "energy", "sleep", "gratitude"});
    CHECK(c.remind_checkin_after_minutes == 0);
    CHECK(c.share_default_period == "this month");
    CHECK(c.peers_quiet_after == 14);
    CHECK(c.backup_keep == 1);
}

TEST_CASE("dotted keys and inline tables name the same keys", "[config]")
{
    const auto loaded = load_text("remind.checkin_after = \"20:30\"\n"
                                  "backup = { keep = 4 }\n");
    CHECK(loaded.warnings.empty());
    CHECK(loaded.config.remind_checkin_after_minutes == 20 * 60 + 30);
    CHECK(loaded.config.backup_keep == 4);
}

TEST_CASE("a wrong type is a ConfigError at path:line:column", "[config]")
{
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"day_starts_at = 4", "P:1:17: 'day_starts_at' must be a string like \"04:00\""},
        {"\nmilestones = \"7d\"",
         "P:2:14: 'milestones' must be a non-empty list of durations like [\"24h\", \"2w\", "
         "\"6mo\", \"1y\"]"},
        {"[peers]\nquiet_after = \"3\"",
         "P:2:15: 'peers.quiet_after' must be a whole number of days, 1 or more"},
        {"[peers]\nquiet_after = 3.0",
         "P:2:15: 'peers.quiet_after' must be a whole number of days, 1 or more"},
        {"name = 1", "P:1:8: 'name' must be a string like \"Alex\""},
        {"email = true", "P:1:9: 'email' must be an email address like \"alex@example.org\""},
        {"timezone = []", "P:1:12: 'timezone' must be a time zone name like \"Europe/Berlin\""},
        {"week_starts = 1", "P:1:15: 'week_starts' must be a weekday name like \"monday\""},
        {"journal = 1", "P:1:11: 'journal' must be a file path like \"~/recovery/journal.db\""},
        {"currency = 978", "P:1:12: 'currency' must be a three-letter currency code like \"EUR\""},
        {"milestones = [\"7d\", 30]",
         "P:1:21: 'milestones' must be a non-empty list of durations like [\"24h\", \"2w\", "
         "\"6mo\", \"1y\"]"},
        {"[checkin]\nask = \"mood\"",
         "P:2:7: 'checkin.ask' must be a list of questions from mood, craving, sober, energy, "
         "sleep, gratitude, note, tags, each at most once"},
        {"[remind]\ncheckin_after = 1900", "P:2:17: 'remind.checkin_after' must be a string like "
                                           "\"19:00\""},
        {"[remind]\nnotify_command = \"notify-send hi\"",
         "P:2:18: 'remind.notify_command' must be a non-empty list of strings like "
         "[\"notify-send\", \"steady\", \"{message}\"]"},
        {"[share]\ncommand = [\"sendmail\", 1]",
         "P:2:24: 'share.command' must be a non-empty list of strings like [\"sendmail\", "
         "\"-t\", \"-i\"]"},
        {"[share]\ndefault_period = 7",
         "P:2:18: 'share.default_period' must be a period like \"last 7 days\""},
        {"[sos]\ncontacts = \"Sam\"",
         "P:2:12: 'sos.contacts' must be a list of strings like [\"Sam (sponsor) +1 555 0100\"]"},
        {"[backup]\nkeep = \"10\"",
         "P:2:8: 'backup.keep' must be a whole number of backups to keep, 1 or more"},
        {"remind = 1", "P:1:10: 'remind' must be a table like [remind]"},
        {"[[backup]]\nkeep = 1", "P:1:1: 'backup' must be a table like [backup]"},
        {"[day_starts_at]\nx = 1", "P:1:1: 'day_starts_at' must be a string like \"04:00\""},
    }));
    CAPTURE(text);
    CHECK(config_error(text) == expected);
}

TEST_CASE("an invalid value is a ConfigError at path:line:column quoting it", "[config]")
{
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"day_starts_at = \"24:00\"",
         "P:1:17: 'day_starts_at' must be a string like \"04:00\", not '24:00'"},
        {"timezone = \"Mars/Base\"",
         "P:1:12: 'timezone' must be a time zone name like \"Europe/Berlin\", not 'Mars/Base'"},
        {"timezone = \"\"",
         "P:1:12: 'timezone' must be a time zone name like \"Europe/Berlin\", not ''"},
        {"day_starts_at = \"04:60\"",
         "P:1:17: 'day_starts_at' must be a string like \"04:00\", not '04:60'"},
        {"day_starts_at = \"4:00\"",
         "P:1:17: 'day_starts_at' must be a string like \"04:00\", not '4:00'"},
        {"[remind]\ncheckin_after = \"7pm\"",
         "P:2:17: 'remind.checkin_after' must be a string like \"19:00\", not '7pm'"},
        {"week_starts = \"mon\"",
         "P:1:15: 'week_starts' must be a weekday name like \"monday\", not 'mon'"},
        {"milestones = []",
         "P:1:14: 'milestones' must be a non-empty list of durations like [\"24h\", \"2w\", "
         "\"6mo\", \"1y\"]"},
        {"milestones = [\"7d\", \"0d\"]",
         "P:1:21: 'milestones' must be a non-empty list of durations like [\"24h\", \"2w\", "
         "\"6mo\", \"1y\"], not '0d'"},
        {"milestones = [\"7x\"]",
         "P:1:15: 'milestones' must be a non-empty list of durations like [\"24h\", \"2w\", "
         "\"6mo\", \"1y\"], not '7x'"},
        {"milestones = [\"d\"]",
         "P:1:15: 'milestones' must be a non-empty list of durations like [\"24h\", \"2w\", "
         "\"6mo\", \"1y\"], not 'd'"},
        {"[checkin]\nask = [\"mood\", \"weather\"]",
         "P:2:16: 'checkin.ask' must be a list of questions from mood, craving, sober, energy, "
         "sleep, gratitude, note, tags, each at most once, not 'weather'"},
        {"[checkin]\nask = [\"mood\", \"mood\"]",
         "P:2:16: 'checkin.ask' must be a list of questions from mood, craving, sober, energy, "
         "sleep, gratitude, note, tags, each at most once, not 'mood'"},
        {"[remind]\nnotify_command = []",
         "P:2:18: 'remind.notify_command' must be a non-empty list of strings like "
         "[\"notify-send\", \"steady\", \"{message}\"]"},
        {"[share]\ncommand = [\"\", \"-t\"]",
         "P:2:12: 'share.command' must be a non-empty list of strings like [\"sendmail\", "
         "\"-t\", \"-i\"], not ''"},
        {"[share]\ndefault_period = \"\"",
         "P:2:18: 'share.default_period' must be a period like \"last 7 days\", not ''"},
        {"[share]\ndefault_period = \"banana\"",
         "P:2:18: 'share.default_period' must be a period like \"last 7 days\", not 'banana'"},
        {"[share]\ndefault_period = \"last 7 dayz\"",
         "P:2:18: 'share.default_period' must be a period like \"last 7 days\", not 'last 7 dayz'"},
        {"[share]\ndefault_period = \"2026-03-01..2026-02-01\"",
         "P:2:18: 'share.default_period' must be a period like \"last 7 days\", not "
         "'2026-03-01..2026-02-01'"},
        {"[sos]\ncontacts = [\"Sam\", 5]",
         "P:2:20: 'sos.contacts' must be a list of strings like [\"Sam (sponsor) +1 555 0100\"]"},
        {"[peers]\nquiet_after = 0",
         "P:2:15: 'peers.quiet_after' must be a whole number of days, 1 or more, not '0'"},
        {"[backup]\nkeep = -2",
         "P:2:8: 'backup.keep' must be a whole number of backups to keep, 1 or more, not '-2'"},
        {"[backup]\nkeep = 3000000000",
         "P:2:8: 'backup.keep' must be a whole number of backups to keep, 1 or more, not "
         "'3000000000'"},
        {"currency = \"eur\"",
         "P:1:12: 'currency' must be a three-letter currency code like \"EUR\", not 'eur'"},
        {"currency = \"EURO\"",
         "P:1:12: 'currency' must be a three-letter currency code like \"EUR\", not 'EURO'"},
        {"email = \"alex.example.org\"",
         "P:1:9: 'email' must be an email address like \"alex@example.org\", not "
         "'alex.example.org'"},
        {"journal = \"\"", "P:1:11: 'journal' must be a file path like \"~/recovery/journal.db\", "
                           "not ''"},
    }));
    CAPTURE(text);
    CHECK(config_error(text) == expected);
}

TEST_CASE("the first problem in the file is the one reported", "[config]")
{
    CHECK(config_error("week_starts = \"someday\"\nbackup.keep = 0\n") ==
          "P:1:15: 'week_starts' must be a weekday name like \"monday\", not 'someday'");
}

TEST_CASE("malformed TOML is a ConfigError at the parser's line and column", "[config]")
{
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"name = \"Alex\"\n\nday_starts_at = \"04:00\n", "P:3:23: error while parsing string: "},
        {"name = \"Alex\"\nname = \"Sam\"\n", "P:2:8: error while parsing key-value pair: "},
        {"[remind\n", "P:1:8: error while parsing table header: "},
        {"x = 1\nx.y = 2\n", "P:2:1: error while parsing key-value pair: "},
    }));
    CAPTURE(text);
    CHECK_THAT(config_error(text), Catch::Matchers::StartsWith(expected));
}

// Each row is text that toml++ 3.3 does not survive cleanly (it reaches
// __builtin_unreachable, or a state it asserts is impossible), so steady
// refuses it before the parser sees it. "upstream 29x" is the toml++ issue;
// "fuzz" rows were found by tests/fuzz/fuzz_config.
TEST_CASE("text toml++ 3.3 mishandles is refused at path:line:column (78)", "[config]")
{
    const auto [text, expected] = GENERATE(table<std::string, std::string>({
        // upstream 295: non-ASCII where a key or value should be
        {"\xCC\xAA", "P:1:1: '\xCC\xAA' (U+032A) may only appear inside a quoted string or a "
                     "comment"},
        {"\xEF\xB6\xBF = 1", "P:1:1: '\xEF\xB6\xBF' (U+FDBF) may only appear inside a quoted "
                             "string or a comment"},
        {"name = \"Alex\"\ncurrency\xC2\xA0= \"EUR\"",
         "P:2:9: '\xC2\xA0' (U+00A0) may only appear inside a quoted string or a comment"},
        {"[remind]\ncheckin_after = 19\xE2\x88\xB6"
         "00",
         "P:2:19: '\xE2\x88\xB6' (U+2236) may only appear inside a quoted string or a comment"},
        {"name = \"Zo\xC3\xAB\" \xC3\xA9",
         "P:1:14: '\xC3\xA9' (U+00E9) may only appear inside a quoted string or a comment"},
        {"[s\xC3\xB6s]", "P:1:3: '\xC3\xB6' (U+00F6) may only appear inside a quoted string or a "
                         "comment"},
        // fuzz: a quote inside a bare value or key is no string to toml++
        {"n = 1\"\xEF\xB6\xBF\"",
         "P:1:7: '\xEF\xB6\xBF' (U+FDBF) may only appear inside a quoted string or a comment"},
        {"n = 1.\"\xC3\xA9\"",
         "P:1:8: '\xC3\xA9' (U+00E9) may only appear inside a quoted string or a comment"},
        {"n = 1979-05-27 0\"\xC3\xA9\"",
         "P:1:18: '\xC3\xA9' (U+00E9) may only appear inside a quoted string or a comment"},
        // fuzz: after a backslash in a "…" or """…""" string
        {"name = \"\"\"x\\\n\xC3\xA9\"\"\"",
         "P:2:1: '\xC3\xA9' (U+00E9) cannot come right after a line-ending backslash; join "
         "the two lines"},
        {"name = \"\"\"x\\ \t\r\n\n  \xC3\xA9\"\"\"",
         "P:3:3: '\xC3\xA9' (U+00E9) cannot come right after a line-ending backslash; join "
         "the two lines"},
        {"name = \"\"\"\\\xC3\xA9\"\"\"", "P:1:12: a backslash cannot escape '\xC3\xA9' (U+00E9)"},
        {"name = \"\\\xC3\xA9\"", "P:1:10: a backslash cannot escape '\xC3\xA9' (U+00E9)"},
        // upstream 294: a table header whose name cannot start a key
        {"[#", "P:1:1: a table name cannot start with '#'"},
        {"[&", "P:1:1: a table name cannot start with '&'"},
        {"name = \"Alex\"\n\n[#remind]\n", "P:3:1: a table name cannot start with '#'"},
        {"[[ #sos]]", "P:1:1: a table name cannot start with '#'"},
        {"  [\t=x]", "P:1:3: a table name cannot start with '='"},
        {"[.remind]", "P:1:1: a table name cannot start with '.'"},
        {"[\x01]", "P:1:1: a table name cannot start with U+0001"},
        {"\xEF\xBB\xBF[$", "P:1:1: a table name cannot start with '$'"},
        {"[\n", "P:1:1: a table header needs a name, like [remind]"},
        {"[\r\n", "P:1:1: a table header needs a name, like [remind]"},
        {"[ ]", "P:1:1: a table header needs a name, like [remind]"},
        // fuzz: '}' where a list expects a value (an assertion in parse_value)
        {"milestones = [\"7d\", }",
         "P:1:21: '}' cannot close the list opened at line 1, column 14"},
        {"a = [\n  # note\n}", "P:3:1: '}' cannot close the list opened at line 1, column 5"},
        {"a = [{b = 1}, [}]]", "P:1:16: '}' cannot close the list opened at line 1, column 15"},
        // fuzz: a date and 'T' without a time (an assertion in parse_time)
        {"x = 1979-05-27T?07:32", "P:1:16: '1979-05-27T' must be followed by a time like 07:32:00"},
        {"[remind]\nx = [1979-05-27t:]",
         "P:2:17: '1979-05-27t' must be followed by a time like 07:32:00"},
        {"x = 1979-05-27T_07:32", "P:1:16: '1979-05-27T' must be followed by a time like 07:32:00"},
        // fuzz: a date, a space and one digit (an assertion in parse_value's scan)
        {"x = 1979-05-27 1\n[garden]\nroses = 3",
         "P:1:17: '1979-05-27 1' is not a date and time; write one like 1979-05-27 07:32:00"},
        {"a = [1979-05-27 0]",
         "P:1:18: '1979-05-27 0' is not a date and time; write one like 1979-05-27 07:32:00"},
        {"x = 1979-0_5-27 1 # c",
         "P:1:18: '1979-0_5-27 1' is not a date and time; write one like 1979-05-27 07:32:00"},
        // bytes that are not UTF-8, anywhere
        {"\xFF", "P:1:1: bytes that are not UTF-8 (from 0xFF); save the file as UTF-8"},
        {"name = \"\xC3(\"", "P:1:9: bytes that are not UTF-8 (from 0xC3); save the file as UTF-8"},
        {"# caf\xE9\n", "P:1:6: bytes that are not UTF-8 (from 0xE9); save the file as UTF-8"},
        {"name = 'x'\nemail = '''\n\x80'''",
         "P:3:1: bytes that are not UTF-8 (from 0x80); save the file as UTF-8"},
        {"name = \"\xED\xA0\x80\"", // a surrogate
         "P:1:9: bytes that are not UTF-8 (from 0xED); save the file as UTF-8"},
        {"name = \"\xC0\xAF\"", // an overlong '/'
         "P:1:9: bytes that are not UTF-8 (from 0xC0); save the file as UTF-8"},
        {"name = \"\xF4\x90\x80\x80\"", // past U+10FFFF
         "P:1:9: bytes that are not UTF-8 (from 0xF4); save the file as UTF-8"},
        {"name = \"\xE2\x82\"",
         "P:1:9: bytes that are not UTF-8 (from 0xE2); save the file as UTF-8"},
    }));
    CAPTURE(text);
    CHECK(config_error(text) == expected);
}

TEST_CASE("non-ASCII text in strings and comments is read as written", "[config]")
{
    const auto loaded = load_text("\xEF\xBB\xBF# caf\xC3\xA9 \xE2\x98\x8E\n"
                                  "name = \"Zo\xC3\xAB\" # \xC3\xA9\n"
                                  "email = 'zo\xC3\xAB@example.org'\n"
                                  "[\"sos\"]\n"
                                  "contacts = [\"\xC5\x81ukasz \\u260E +48\", '''\xC3\xA9 ''x''',\n"
                                  "  \"\"\"\"\xC3\xA9\\\"\"\"\", \"\"\"a\\\n   b \xC3\xA9\"\"\",\n"
                                  "  \"\\\\\xC3\xA9\\\"\xC3\xA9\"] # \xE2\x80\x94\n");
    CHECK(loaded.warnings.empty());
    CHECK(loaded.config.name == "Zo\xC3\xAB");
    CHECK(loaded.config.email == "zo\xC3\xAB@example.org");
    CHECK(loaded.config.sos_contacts ==
          std::vector<std::string>{"\xC5\x81ukasz \xE2\x98\x8E +48", "\xC3\xA9 ''x", "\"\xC3\xA9\"",
                                   "ab \xC3\xA9", "\\\xC3\xA9\"\xC3\xA9"});
}

TEST_CASE("unknown keys are warnings naming key, file and line", "[config]")
{
    const TempConfig file("name = \"Alex\"\n"
                          "colour = \"blue\"\n"
                          "[remind]\n"
                          "checkin_after = \"19:00\"\n"
                          "foo = 1\n"
                          "[garden]\n"
                          "roses = 3\n"
                          "[backup]\n"
                          "\"keep.x\" = 2\n");
    const auto loaded = steady::config::load(file.path(), false, k_env);
    const std::string p = file.path().string();
    CHECK(messages(loaded) == std::vector<std::string>{
                                  "unknown key 'colour' in " + p + ":2 (ignored)",
                                  "unknown key 'remind.foo' in " + p + ":5 (ignored)",
                                  "unknown key 'garden' in " + p + ":6 (ignored)",
                                  "unknown key 'backup.keep.x' in " + p + ":9 (ignored)",
                              });
    CHECK(loaded.config.name == "Alex");
    CHECK(loaded.config.backup_keep == 10);
}

TEST_CASE("a quoted key with a dot is not the dotted key", "[config]")
{
    const auto loaded = load_text("\"remind.checkin_after\" = \"08:00\"\n");
    REQUIRE(loaded.warnings.size() == 1);
    CHECK_THAT(loaded.warnings[0].message,
               Catch::Matchers::StartsWith("unknown key 'remind.checkin_after' in "));
    CHECK(loaded.config.remind_checkin_after_minutes == 19 * 60);
}

TEST_CASE("'~' in journal is the home directory from the environment", "[config]")
{
    CHECK(load_text("journal = \"~/j.db\"").config.journal == fs::path("/home/alex/j.db"));
    CHECK(load_text("journal = \"~\"").config.journal == fs::path("/home/alex"));
    CHECK(load_text("journal = \"/srv/j.db\"").config.journal == fs::path("/srv/j.db"));
    CHECK(load_text("journal = \"~sam/j.db\"").config.journal == fs::path("~sam/j.db"));
    CHECK(steady::config::expand_home("~/a/b", {{"HOME", "/h"}}) == fs::path("/h/a/b"));
    CHECK_THROWS_AS(steady::config::expand_home("~/a", Env{}), steady::ConfigError);

    const TempConfig file("journal = \"~/j.db\"\n");
    CHECK_THROWS_WITH(steady::config::load(file.path(), false, Env{}),
                      file.path().string() +
                          ":1:11: cannot expand '~' in '~/j.db': $HOME is not set");
}

TEST_CASE("the config path: flag, then $STEADY_CONFIG, $XDG_CONFIG_HOME, $HOME", "[config]")
{
    using steady::config::config_path;
    const Env all = {
        {"STEADY_CONFIG", "/env/steady.toml"}, {"XDG_CONFIG_HOME", "/xdg"}, {"HOME", "/home/alex"}};

    auto where = config_path(std::string("/flag.toml"), all);
    CHECK(where.path == fs::path("/flag.toml"));
    CHECK(where.explicit_path);

    where = config_path(std::nullopt, all);
    CHECK(where.path == fs::path("/env/steady.toml"));
    CHECK(where.explicit_path);

    Env no_steady = all;
    no_steady.erase("STEADY_CONFIG");
    where = config_path(std::nullopt, no_steady);
    CHECK(where.path == fs::path("/xdg/steady/config.toml"));
    CHECK_FALSE(where.explicit_path);

    for (const std::string xdg : {"", "relative/xdg"}) {
        Env env = {{"STEADY_CONFIG", ""}, {"XDG_CONFIG_HOME", xdg}, {"HOME", "/home/alex"}};
        where = config_path(std::nullopt, env);
        CHECK(where.path == fs::path("/home/alex/.config/steady/config.toml"));
        CHECK_FALSE(where.explicit_path);
    }

    CHECK_THROWS_AS(config_path(std::string(), all), steady::UsageError);
}
