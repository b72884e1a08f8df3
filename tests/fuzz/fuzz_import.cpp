#include "fuzz_import.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/run.hpp"
#include "support/journal_files.hpp"

namespace fs = std::filesystem;
using steady::test::file_bytes;
using steady::test::journal_rows;
using steady::test::write_file;

namespace steady::fuzz {

namespace {

struct Result {
    int code = 0;
    std::string out;
    std::string err;
};

[[noreturn]] void broken(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "property broken: %s\n%s\n", what, detail.c_str());
    std::abort();
}

class Harness {
  public:
    Harness()
    {
        fs::path base =
            fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        std::string pattern = (base / "steady-fuzz-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr)
            broken("setup", "cannot create a temporary folder");
        m_dir = pattern;
        m_env = {{"HOME", m_dir.string()},
                 {"LANG", "C.UTF-8"},
                 {"PATH", "/usr/bin:/bin"},
                 {"STEADY_NOW", "2026-11-22T20:00"},
                 {"TZ", "Europe/Berlin"}};
        build_journals();
    }

    ~Harness()
    {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }

    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    void one(const std::uint8_t* data, std::size_t size, const char* extension)
    {
        auto work = m_dir / "work.db";
        reset(work, m_base);
        auto input = m_dir / (std::string("input.") + extension);
        write_file(input, {reinterpret_cast<const char*>(data), size});
        std::optional<Result> dry;
        if (size % 2 == 1) {
            dry = run(work, {"--json", "import", input.string(), "--dry-run"});
            check_code(*dry, "import --dry-run");
            if (!unchanged(work))
                broken("a dry run changed the journal", dry->out + dry->err);
        }
        auto result = run(work, {"--json", "import", input.string()});
        check_code(result, "import");
        if (dry && dry->code != result.code)
            broken("a dry run and the import end differently",
                   "dry run: " + dry->err + "\nimport: " + result.err);
        if (result.code != 0) {
            if (result.err.find("nothing was imported") == std::string::npos)
                broken("a refused import does not say that nothing was imported", result.err);
            if (!unchanged(work))
                broken("a refused import changed the journal", result.err);
            if (size % 4 == 0)
                refused_leaves_nothing(input);
            return;
        }
        if (dry)
            same_counts(*dry, result);
        round_trip(work);
    }

  private:
    Result run(const fs::path& db, const std::vector<std::string>& args)
    {
        std::istringstream in;
        std::ostringstream out;
        std::ostringstream err;
        app::Io io{in, out, err, false, false, m_env};
        io.env["STEADY_DB"] = db.string();
        int code = app::run(args, io);
        return {code, out.str(), err.str()};
    }

    Result must(const fs::path& db, const std::vector<std::string>& args)
    {
        auto result = run(db, args);
        if (result.code != 0) {
            std::string line;
            for (const auto& arg : args)
                line += arg + ' ';
            broken("a command that must work failed", line + "\n" + result.err);
        }
        return result;
    }

    static void check_code(const Result& result, const char* what)
    {
        if (result.code != 0 && result.code != 65)
            broken(what, "exit " + std::to_string(result.code) + ": " + result.err);
    }

    static void same_counts(const Result& dry, const Result& real)
    {
        auto a = nlohmann::json::parse(dry.out);
        auto b = nlohmann::json::parse(real.out);
        for (const char* key : {"added", "updated", "skipped"})
            if (a.at(key) != b.at(key))
                broken("a dry run counts otherwise than the import", dry.out + real.out);
    }

    // Whether the journal at `work` still holds the base journal's rows. A
    // file byte for byte the base one, with no write-ahead log left beside
    // it, holds them (and costs a fraction of reading every row back, which
    // most inputs, refused, would need); only otherwise are the rows compared.
    bool unchanged(const fs::path& work) const
    {
        std::error_code ec;
        auto wal = fs::file_size(work.string() + "-wal", ec);
        if ((ec || wal == 0) && file_bytes(work) == m_base)
            return true;
        return journal_rows(work) == m_base_rows;
    }

    void reset(const fs::path& db, const std::string& bytes)
    {
        std::error_code ec;
        fs::remove(db.string() + "-wal", ec);
        fs::remove(db.string() + "-shm", ec);
        write_file(db, bytes);
    }

    // The same input into a journal not made yet (where what the base
    // journal refused, a second check-in for a day say, may be fine): made
    // whole, or refused leaving no journal, nor the folder made for it.
    void refused_leaves_nothing(const fs::path& input)
    {
        std::error_code ec;
        fs::remove_all(m_dir / "new", ec);
        auto db = m_dir / "new" / "journal.db";
        auto result = run(db, {"import", input.string()});
        check_code(result, "import into a new journal");
        if (result.code == 0 && !fs::is_regular_file(db, ec))
            broken("an import into a new journal made none", result.out);
        if (result.code != 0 && fs::exists(m_dir / "new", ec))
            broken("a refused import into a new journal left files", result.err);
    }

    // The journal after an accepted import, exported, imported into an empty
    // journal and exported again, is the same export.
    void round_trip(const fs::path& work)
    {
        auto first = must(work, {"export"}).out;
        auto file = m_dir / "export.json";
        write_file(file, first);
        // Into a journal not made yet (made aside, then given its name).
        std::error_code ec;
        fs::remove_all(m_dir / "copy", ec);
        auto copy = m_dir / "copy" / "journal.db";
        must(copy, {"import", file.string()});
        auto second = must(copy, {"export"}).out;
        if (second != first)
            broken("an export imported into an empty journal exports otherwise",
                   "first:\n" + first + "\nsecond:\n" + second);
    }

    void build_journals()
    {
        auto db = m_dir / "setup.db";
        auto empty = m_dir / "empty.json";
        write_file(empty, "[]");
        must(db, {"import", empty.string()});
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"clock", "add", "alcohol", "--since", "2026-10-01"},
              {"clock", "add", "nicotine", "--since", "2026-10-01", "--cost-per-day", "7.5"},
              {"goal", "add", "90 meetings", "--total", "90", "--by", "2027-01-30", "--tracks",
               "meetings"},
              {"goal", "add", "read", "--target", "1", "--per", "day"},
              {"partner", "add", "Sam", "--email", "sam@example.org", "--every", "sunday",
               "--alert-after", "3", "--notes"},
              {"checkin", "--mood", "7", "--craving", "2", "--sleep", "6.3", "--note",
               "line one\nline two", "--tag", "work"},
              {"trigger", "the office", "--category", "stress", "--intensity", "6"},
              {"craving", "--intensity", "8", "--trigger", "2", "--strategy", "walk", "--outcome",
               "resisted", "--duration", "20m"},
              {"meeting", "Tuesday NA", "--type", "NA", "--duration", "1h"},
              {"goal", "log", "2", "--count", "3"},
              {"clock", "reset", "alcohol", "--note", "a wedding"},
              {"share", "sam", "--output", (m_dir / "sam.txt").string()},
              {"plan", "add", "reasons", "be there for my kids"},
              {"plan", "add", "coping", "walk, then call Sam"}})
            must(db, args);
        m_base = file_bytes(db);
        reset(m_dir / "work.db", m_base);
        m_base_rows = journal_rows(m_dir / "work.db");
    }

    fs::path m_dir;
    std::map<std::string, std::string> m_env;
    std::string m_base;      // the journal every input meets
    std::string m_base_rows; // its rows
};

} // namespace

int import_one(const std::uint8_t* data, std::size_t size, const char* extension)
{
    static Harness harness;
    harness.one(data, size, extension);
    return 0;
}

} // namespace steady::fuzz
