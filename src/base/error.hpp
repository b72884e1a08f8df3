#pragma once

#include <stdexcept>
#include <string>

namespace steady {

// Every failure a user can cause or meet. `exit_code()` is the code of SPEC §9;
// `what()` is the message printed after "steady: ".
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
    virtual int exit_code() const = 0;
};

// 64: unknown command or flag, missing or out-of-range value, unparseable date.
struct UsageError : Error {
    using Error::Error;
    int exit_code() const override { return 64; }
};

// 65: bad import record, duplicate check-in, unknown id or partner, newer journal.
struct DataError : Error {
    using Error::Error;
    int exit_code() const override { return 65; }
};

// 66: an input file does not exist.
struct NoInputError : Error {
    using Error::Error;
    int exit_code() const override { return 66; }
};

// 69: the share delivery command failed.
struct DeliveryError : Error {
    using Error::Error;
    int exit_code() const override { return 69; }
};

// 73: cannot create the journal or an output file.
struct CannotCreateError : Error {
    using Error::Error;
    int exit_code() const override { return 73; }
};

// 74: I/O error or corrupt journal; 75 when the journal stayed locked.
struct JournalError : Error {
    JournalError(const std::string& what, bool locked = false) : Error(what), m_locked(locked) {}
    int exit_code() const override { return m_locked ? 75 : 74; }

  private:
    bool m_locked;
};

// 78: configuration error.
struct ConfigError : Error {
    using Error::Error;
    int exit_code() const override { return 78; }
};

} // namespace steady
