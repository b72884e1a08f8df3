#include "cli/test_app.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/mail.hpp"
#include "app/run.hpp"
#include "store/entries.hpp"
#include "store/journal.hpp"

namespace fs = std::filesystem;

namespace steady::test {

namespace {

// The tests run from build/tests, not beside the modules: point the loader
// at the modules this build made.
const bool k_mail_module_found = [] {
    app::use_mail_module_for_tests(STEADY_MAIL_MODULE);
    app::use_crypt_module_for_tests(STEADY_CRYPT_MODULE);
    return true;
}();

} // namespace

TempDir::TempDir()
{
    std::string pattern = (fs::temp_directory_path() / "steady-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary folder");
    m_path = pattern;
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
}

TestApp::TestApp(std::string now_text, std::string tz_name, std::optional<std::string> config)
    : now(std::move(now_text)), tz(std::move(tz_name))
{
    env["STEADY_DB"] = db_path().string();
    env["HOME"] = dir().string();
    env["LANG"] = "C.UTF-8";
    env["PATH"] = "/usr/bin:/bin";
    if (config)
        write_config(*config);
}

RunResult TestApp::run(const std::vector<std::string>& args)
{
    std::istringstream in(stdin_text);
    std::ostringstream out;
    std::ostringstream err;
    app::Io io{in, out, err, in_tty, out_tty, env};
    io.env["STEADY_NOW"] = now;
    io.env["TZ"] = tz;
    int code = app::run(args, io);
    return {code, out.str(), err.str()};
}

void TestApp::write_config(const std::string& text)
{
    auto path = dir() / "config.toml";
    write_file(path, text);
    env["STEADY_CONFIG"] = path.string();
}

std::string TestApp::query(const std::string& sql) const
{
    SQLite::Database db(db_path().string(), SQLite::OPEN_READONLY);
    SQLite::Statement st(db, sql);
    if (!st.executeStep() || st.getColumn(0).isNull())
        return "";
    return st.getColumn(0).getString();
}

std::int64_t TestApp::count(const std::string& sql) const
{
    return std::stoll(query(sql));
}

std::int64_t TestApp::add_entry(domain::Entry entry)
{
    auto journal = store::Journal::open_for_write(db_path());
    journal.write("add a test entry", [&] { store::add_entry(journal, entry, entry.at); });
    return entry.id;
}

std::string TestApp::snapshot() const
{
    return journal_exists() ? journal_rows(db_path()) : "<no journal>";
}

std::string file_digest(const fs::path& path)
{
    if (!fs::exists(path))
        return "<missing>";
    auto bytes = file_bytes(path);
    std::ostringstream digest;
    digest << bytes.size() << " bytes, hash " << std::hex << std::hash<std::string>{}(bytes);
    return digest.str();
}

unsigned mode_of(const fs::path& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return 0;
    return static_cast<unsigned>(st.st_mode) & 07777U;
}

} // namespace steady::test
