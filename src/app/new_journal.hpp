#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/journal.hpp"

namespace steady::app {

// A journal that does not exist yet, made for a command that must leave
// nothing behind when it fails (an import into a new journal: SPEC §9,
// nothing is written on any error). It is made at a temporary name beside
// `path` (".NAME.steady-XXXXXX", locked as AtomicFile's are), in the
// folders it needs (made private); publish() closes it and gives it the
// name `path`, never over a journal made there meanwhile (that is a
// CannotCreateError, 73, and nothing is written). Destroyed unpublished, it
// removes its files and the folders it made.
class NewJournal {
  public:
    explicit NewJournal(std::filesystem::path path);
    ~NewJournal();
    NewJournal(const NewJournal&) = delete;
    NewJournal& operator=(const NewJournal&) = delete;

    store::Journal& journal();
    void publish();

  private:
    void discard();
    void give_name();

    std::filesystem::path m_path;
    std::string m_temp;
    int m_lock = -1;                           // the temporary file, flocked
    std::vector<std::filesystem::path> m_made; // folders made, the deepest first
    std::optional<store::Journal> m_journal;
    bool m_published = false;
};

// Where a journal at `path` that does not exist yet is to be made: `path`,
// or the target of the dangling symbolic link `path` is (made there, as
// SQLite would); nullopt when there is something at `path`.
std::optional<std::filesystem::path> new_journal_path(const std::filesystem::path& path);

} // namespace steady::app
