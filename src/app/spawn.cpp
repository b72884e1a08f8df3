#include "app/spawn.hpp"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <map>
#include <optional>
#include <tuple>

namespace steady::app {

namespace {

// A pipe whose two ends close with it, both close-on-exec.
struct SpawnPipe {
    std::array<int, 2> fd{-1, -1};
    SpawnPipe()
    {
        if (::pipe2(fd.data(), O_CLOEXEC) != 0)
            fd = {-1, -1};
    }
    ~SpawnPipe()
    {
        close_end(0);
        close_end(1);
    }
    SpawnPipe(const SpawnPipe&) = delete;
    SpawnPipe& operator=(const SpawnPipe&) = delete;
    bool ok() const { return fd[0] >= 0; }
    void close_end(int end)
    {
        if (fd[static_cast<unsigned>(end)] >= 0)
            ::close(fd[static_cast<unsigned>(end)]);
        fd[static_cast<unsigned>(end)] = -1;
    }
};

// SIGPIPE ignored while it lives, so that writing to a program that stopped
// reading is an EPIPE, not the end of steady.
struct SpawnSigpipeIgnored {
    struct sigaction old {};
    SpawnSigpipeIgnored()
    {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        ::sigemptyset(&ignore.sa_mask);
        ::sigaction(SIGPIPE, &ignore, &old);
    }
    ~SpawnSigpipeIgnored() { ::sigaction(SIGPIPE, &old, nullptr); }
    SpawnSigpipeIgnored(const SpawnSigpipeIgnored&) = delete;
    SpawnSigpipeIgnored& operator=(const SpawnSigpipeIgnored&) = delete;
};

bool spawn_is_executable(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
           ::access(path.c_str(), X_OK) == 0;
}

// `program` found on `path` (a PATH value), or nullopt.
std::optional<std::string> spawn_find_program(const std::string& program, const std::string& path)
{
    if (program.find('/') != std::string::npos)
        return spawn_is_executable(program) ? std::optional(program) : std::nullopt;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto end = path.find(':', start);
        if (end == std::string::npos)
            end = path.size();
        std::string dir = path.substr(start, end - start);
        std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
        if (spawn_is_executable(candidate))
            return candidate;
        start = end + 1;
    }
    return std::nullopt;
}

// Writes `input` to the program's stdin (`in`) while reading its stdout
// (`out`) and stderr (`err`) into `result`, until both reach end of file;
// stdin is closed when all is written or the program stopped reading.
void spawn_exchange(SpawnPipe& in, SpawnPipe& out, SpawnPipe& err, std::string_view input,
                    ProgramResult& result)
{
    ::fcntl(in.fd[1], F_SETFL, ::fcntl(in.fd[1], F_GETFL) | O_NONBLOCK);
    std::size_t written = 0;
    if (input.empty())
        in.close_end(1);
    std::array<char, 8192> buffer{};
    while (out.fd[0] >= 0 || err.fd[0] >= 0) {
        std::array<pollfd, 3> fds{
            {{in.fd[1], POLLOUT, 0}, {out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[0].revents != 0) {
            auto n = ::write(in.fd[1], input.data() + written, input.size() - written);
            if (n > 0)
                written += static_cast<std::size_t>(n);
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size())
                in.close_end(1);
        }
        for (auto [index, pipe, sink] :
             {std::tuple{1U, &out, &result.out}, std::tuple{2U, &err, &result.err}}) {
            if (fds[index].revents == 0)
                continue;
            auto n = ::read(pipe->fd[0], buffer.data(), buffer.size());
            if (n > 0)
                sink->append(buffer.data(), static_cast<std::size_t>(n));
            else if (n == 0 || errno != EINTR)
                pipe->close_end(0);
        }
    }
    in.close_end(1);
}

int spawn_wait(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return 127;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 127;
}

} // namespace

ProgramResult run_program(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env, std::string_view input)
{
    ProgramResult result;
    auto path_var = env.find("PATH");
    auto program =
        spawn_find_program(argv.at(0), path_var == env.end() ? "/usr/bin:/bin" : path_var->second);
    if (!program) {
        result.problem = "'" + argv[0] + "' was not found" +
                         (argv[0].find('/') == std::string::npos ? " on PATH" : "");
        return result;
    }
    SpawnPipe in, out, err;
    if (!in.ok() || !out.ok() || !err.ok()) {
        result.problem = std::string("cannot make a pipe: ") + ::strerror(errno);
        return result;
    }
    std::vector<std::string> env_strings;
    env_strings.reserve(env.size());
    for (const auto& [key, value] : env)
        env_strings.push_back(std::string(key).append("=").append(value));
    std::vector<char*> c_argv, c_env;
    c_argv.reserve(argv.size() + 1);
    c_env.reserve(env_strings.size() + 1);
    for (const auto& arg : argv)
        c_argv.push_back(const_cast<char*>(arg.c_str()));
    c_argv.push_back(nullptr);
    for (auto& entry : env_strings)
        c_env.push_back(entry.data());
    c_env.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
    ::posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
    ::posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
    posix_spawnattr_t attr;
    ::posix_spawnattr_init(&attr);
    sigset_t signals;
    ::sigemptyset(&signals);
    ::posix_spawnattr_setsigmask(&attr, &signals);
    ::sigaddset(&signals, SIGPIPE);
    ::posix_spawnattr_setsigdefault(&attr, &signals);
    ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    SpawnSigpipeIgnored sigpipe_ignored;
    pid_t pid = 0;
    int failed =
        ::posix_spawn(&pid, program->c_str(), &actions, &attr, c_argv.data(), c_env.data());
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attr);
    if (failed != 0) {
        result.problem = "cannot run '" + *program + "': " + ::strerror(failed);
        return result;
    }
    result.started = true;
    in.close_end(0);
    out.close_end(1);
    err.close_end(1);
    spawn_exchange(in, out, err, input, result);
    result.exit_code = spawn_wait(pid);
    return result;
}

std::vector<std::string> expand_command(const std::vector<std::string>& argv,
                                        const std::map<std::string, std::string>& values)
{
    std::vector<std::string> expanded;
    for (const auto& arg : argv) {
        std::string out;
        std::size_t i = 0;
        while (i < arg.size()) {
            auto close = arg[i] == '{' ? arg.find('}', i) : std::string::npos;
            auto value = close == std::string::npos ? values.end()
                                                    : values.find(arg.substr(i + 1, close - i - 1));
            if (value == values.end()) {
                out += arg[i++];
                continue;
            }
            out += value->second;
            i = close + 1;
        }
        expanded.push_back(std::move(out));
    }
    return expanded;
}

std::string command_line(const std::vector<std::string>& argv)
{
    std::string line;
    for (const auto& arg : argv)
        line += (line.empty() ? "" : " ") + arg;
    return line;
}

} // namespace steady::app
