// PgpEncryption and PgpDecryption (app/crypt.hpp): GnuPG, through the mail
// module's streaming entry points, runs in a thread of its own, and the
// plain text crosses between it and the command through a socket pair in
// pieces of 64 KiB. A socket, not a pipe, so that writing to a side that
// has gone is EPIPE from send(MSG_NOSIGNAL), never SIGPIPE. (GPGME ignores
// SIGPIPE itself once it starts, for its own pipes to gpg.)
#include "app/crypt.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <limits>
#include <streambuf>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "app/mail_module.hpp"
#include "base/error.hpp"

namespace steady::app {

namespace {

constexpr const char* k_stream_needs = "OpenPGP encryption";
constexpr std::size_t k_stream_piece = 1 << 16;

// Sends all of `data` to the socket `fd`; 0, or the errno that stopped it.
int send_all_to(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        auto n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? errno : EIO;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return 0;
}

const char* keyring_folder_or_null(const Keyring& keyring, std::string& holder)
{
    if (!keyring.folder)
        return nullptr;
    holder = keyring.folder->string();
    return holder.c_str();
}

} // namespace

// The parts of the two states (named, as members of classes with external
// linkage).
namespace pgp_stream {

// A connected pair of sockets, each closed once.
class SocketPair {
  public:
    SocketPair()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, m_fds) != 0)
            throw JournalError(std::string("could not start GnuPG: no socket for it (") +
                               std::strerror(errno) + ")");
    }
    ~SocketPair()
    {
        close_ours();
        close_theirs();
    }
    SocketPair(const SocketPair&) = delete;
    SocketPair& operator=(const SocketPair&) = delete;

    int ours() const { return m_fds[0]; }
    int theirs() const { return m_fds[1]; }
    void close_ours() { close_one(m_fds[0]); }
    void close_theirs() { close_one(m_fds[1]); }

  private:
    static void close_one(int& fd)
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    int m_fds[2] = {-1, -1};
};

// What a streaming entry point returned.
struct StreamOutcome {
    int status = 0;
    std::string error;

    void check() const
    {
        if (status != 0)
            throw_pgp_error(status, error);
    }
};

// Runs `call` (an entry point of `api`).
template <typename Call> StreamOutcome run_stream_call(const steady_mail_stream_api& api, Call call)
{
    steady_mail_result result{};
    StreamOutcome out;
    out.status = call(&result);
    if (out.status != 0)
        out.error = result.error ? result.error : "the mail module failed";
    api.free_result(&result);
    return out;
}

// The plain text going to GnuPG: buffered, sent to the socket; a send that
// fails (GnuPG has stopped reading) throws.
struct PlainToGnupg : std::streambuf {
    int fd = -1;
    std::array<char, k_stream_piece> bytes{};

    PlainToGnupg() { setp(bytes.data(), bytes.data() + bytes.size()); }

    void drain()
    {
        auto size = static_cast<std::size_t>(pptr() - pbase());
        setp(bytes.data(), bytes.data() + bytes.size());
        if (size > 0 && send_all_to(fd, bytes.data(), size) != 0)
            throw JournalError("GnuPG stopped reading the plain text; nothing was written");
    }
    int_type overflow(int_type c) override
    {
        drain();
        if (!traits_type::eq_int_type(c, traits_type::eof()))
            sputc(traits_type::to_char_type(c));
        return traits_type::not_eof(c);
    }
    int sync() override
    {
        drain();
        return 0;
    }
};

// The plain text coming from GnuPG, read from the socket.
struct PlainFromGnupg : std::streambuf {
    int fd = -1;
    std::array<char, k_stream_piece> bytes{};

    int_type underflow() override
    {
        ssize_t n = 0;
        do
            n = fd < 0 ? 0 : ::read(fd, bytes.data(), bytes.size());
        while (n < 0 && errno == EINTR);
        if (n <= 0)
            return traits_type::eof();
        setg(bytes.data(), bytes.data(), bytes.data() + n);
        return traits_type::to_int_type(bytes[0]);
    }
};

} // namespace pgp_stream

struct PgpEncryption::State {
    const steady_mail_stream_api& api;
    std::string home;
    std::string key;
    std::ostream& cipher;
    bool cipher_failed = false; // written by the thread, read after joining it
    std::atomic<bool> abandoned{false};
    std::atomic<bool> done{false};
    pgp_stream::SocketPair socket;
    pgp_stream::PlainToGnupg buffer;
    std::ostream plain{&buffer};
    pgp_stream::StreamOutcome outcome;
    std::thread gnupg;

    State(const steady_mail_stream_api& module, std::ostream& out) : api(module), cipher(out) {}

    // Takes the message as GnuPG makes it; once the plain text is abandoned,
    // refuses the rest, so that what was written stays a message cut short
    // (which no one can decrypt) and never a whole one of part of the text.
    static int write_cipher(void* handle, const char* data, std::size_t size)
    {
        auto* state = static_cast<State*>(handle);
        if (state->abandoned.load(std::memory_order_acquire))
            return ECANCELED;
        if (state->cipher.write(data, static_cast<std::streamsize>(size)))
            return 0;
        state->cipher_failed = true;
        return EIO;
    }

    void start(const PgpRecipient& to, Armor armor)
    {
        key = to.key;
        steady_mail_encrypt_stream request{};
        request.to = {keyring_folder_or_null(to.keyring, home), key.c_str()};
        request.plain_fd = socket.theirs();
        request.cipher = {this, write_cipher};
        request.armor = armor == Armor::yes ? 1 : 0;
        buffer.fd = socket.ours();
        plain.exceptions(std::ios::badbit);
        gnupg = std::thread([this, request] {
            outcome = pgp_stream::run_stream_call(
                api, [&](steady_mail_result* r) { return api.encrypt(&request, r); });
            done.store(true, std::memory_order_release);
            socket.close_theirs(); // a write to plain() now fails instead of waiting
        });
    }

    // Ends the plain text (abandoning it: `abandon`) and waits for GnuPG.
    void end(bool abandon)
    {
        if (abandon)
            abandoned.store(true, std::memory_order_release);
        socket.close_ours();
        if (gnupg.joinable())
            gnupg.join();
    }
};

PgpEncryption::PgpEncryption(const PgpRecipient& to, Armor armor, std::ostream& cipher)
    : m_state(std::make_unique<State>(mail_stream_module(k_stream_needs), cipher))
{
    m_state->start(to, armor);
}

PgpEncryption::~PgpEncryption()
{
    m_state->end(true);
}

std::ostream& PgpEncryption::plain()
{
    return m_state->plain;
}

void PgpEncryption::finish()
{
    try {
        m_state->plain.flush();
    } catch (const JournalError&) {
        stop();
        throw;
    }
    m_state->end(false);
    if (!m_state->cipher_failed)
        m_state->outcome.check();
}

void PgpEncryption::stop()
{
    // GnuPG had stopped on its own first: its error is the cause.
    bool failed_first = m_state->done.load(std::memory_order_acquire);
    m_state->end(true);
    if (failed_first && !m_state->cipher_failed)
        m_state->outcome.check();
}

struct PgpDecryption::State {
    const steady_mail_stream_api& api;
    std::string home;
    int cipher_fd = -1;
    pgp_stream::SocketPair socket;
    pgp_stream::PlainFromGnupg buffer;
    std::istream plain{&buffer};
    pgp_stream::StreamOutcome outcome;
    std::atomic<bool> done{false};
    std::thread gnupg;

    explicit State(const steady_mail_stream_api& module) : api(module) {}
    ~State()
    {
        if (cipher_fd >= 0)
            ::close(cipher_fd);
    }
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    static int write_plain(void* handle, const char* data, std::size_t size)
    {
        return send_all_to(static_cast<State*>(handle)->socket.theirs(), data, size);
    }

    void start(const Keyring& keyring, const std::filesystem::path& path)
    {
        cipher_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (cipher_fd < 0)
            throw NoInputError("cannot read '" + path.string() + "'");
        steady_mail_decrypt_stream request{};
        request.homedir = keyring_folder_or_null(keyring, home);
        request.cipher_fd = cipher_fd;
        request.plain = {this, write_plain};
        buffer.fd = socket.ours();
        gnupg = std::thread([this, request] {
            outcome = pgp_stream::run_stream_call(
                api, [&](steady_mail_result* r) { return api.decrypt(&request, r); });
            done.store(true, std::memory_order_release);
            socket.close_theirs(); // plain() ends here
        });
    }

    // Stops reading, so that GnuPG's next write fails, and waits for it.
    void end()
    {
        socket.close_ours();
        buffer.fd = -1;
        if (gnupg.joinable())
            gnupg.join();
    }
};

PgpDecryption::PgpDecryption(const Keyring& keyring, const std::filesystem::path& cipher)
    : m_state(std::make_unique<State>(mail_stream_module(k_stream_needs)))
{
    m_state->start(keyring, cipher);
}

PgpDecryption::~PgpDecryption()
{
    m_state->end();
}

std::istream& PgpDecryption::plain()
{
    return m_state->plain;
}

void PgpDecryption::finish()
{
    m_state->plain.clear();
    m_state->plain.ignore(std::numeric_limits<std::streamsize>::max());
    m_state->end();
    m_state->outcome.check();
}

void PgpDecryption::stop()
{
    bool failed_first = m_state->done.load(std::memory_order_acquire);
    m_state->end();
    if (failed_first)
        m_state->outcome.check();
}

} // namespace steady::app
