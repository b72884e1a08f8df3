#pragma once

// What fuzz_import_json and fuzz_import_csv share: each input is a file that
// `steady import` reads, run in-process through app::run against a journal
// in a private temporary folder (on /dev/shm when there is one), as a user
// would run it. Before every input the journal is put back to the same small
// journal (a goal, a clock, a partner, a few entries and plan items), so that
// inputs that name their uuids or ids meet stored records. Properties:
//   - the command ends in 0 or 65 (a DataError); 70 (an exception that is
//     not a steady::Error) or any other code is a finding;
//   - a refused input says "nothing was imported" and leaves every row of
//     every table as it was;
//   - for inputs of odd length, `--dry-run --json` first: the same exit code,
//     the same added/updated/skipped counts as the real import, and no row
//     changed;
//   - an accepted input's journal, exported, imported into an empty journal
//     and exported again, gives the same export.

#include <cstddef>
#include <cstdint>

namespace steady::fuzz {

// Runs one input as a file named "input.<extension>".
int import_one(const std::uint8_t* data, std::size_t size, const char* extension);

} // namespace steady::fuzz
