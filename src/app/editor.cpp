#include "app/editor.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/error.hpp"
#include "domain/text.hpp"

namespace steady::app {

namespace {

bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

// The program `name` names: itself when it holds a slash, else the first
// executable file of that name in the folders of `path`.
std::string find_program(const std::string& name, const std::string& path)
{
    if (name.find('/') != std::string::npos)
        return name;
    for (const auto& folder : domain::split(path.empty() ? "/usr/bin:/bin" : path, ':')) {
        auto candidate = folder;
        candidate.append("/").append(name);
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return "";
}

} // namespace

std::vector<std::string> split_command_line(std::string_view line, std::string_view what)
{
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (is_blank(c)) {
            if (in_word)
                words.push_back(std::move(word));
            word.clear();
            in_word = false;
            continue;
        }
        in_word = true;
        if (c == '\\') {
            if (++i == line.size())
                throw UsageError(std::string(what) + " ends with a lone backslash");
            if (line[i] != '\n')
                word += line[i];
        } else if (c == '\'') {
            auto end = line.find('\'', i + 1);
            if (end == std::string_view::npos)
                throw UsageError(std::string(what) + " has a ' without its closing '");
            word += line.substr(i + 1, end - i - 1);
            i = end;
        } else if (c == '"') {
            for (++i;; ++i) {
                if (i >= line.size())
                    throw UsageError(std::string(what) + " has a \" without its closing \"");
                if (line[i] == '"')
                    break;
                if (line[i] == '\\' && i + 1 < line.size() &&
                    std::strchr("\"\\$`\n", line[i + 1]) != nullptr)
                    ++i;
                word += line[i];
            }
        } else {
            word += c;
        }
    }
    if (in_word)
        words.push_back(std::move(word));
    return words;
}

std::vector<std::string> editor_command(const std::map<std::string, std::string>& env)
{
    for (const char* name : {"VISUAL", "EDITOR"}) {
        auto it = env.find(name);
        if (it != env.end() && !domain::trim(it->second).empty())
            return split_command_line(it->second, std::string("$") + name);
    }
    return {"vi"};
}

int run_editor(const std::vector<std::string>& command, const std::filesystem::path& file,
               const std::map<std::string, std::string>& env)
{
    auto path_it = env.find("PATH");
    auto program = find_program(command.at(0), path_it == env.end() ? "" : path_it->second);
    if (program.empty())
        throw DataError("cannot start the editor '" + command[0] +
                        "': no such program (set $VISUAL or $EDITOR)");
    std::vector<std::string> args = command;
    args.push_back(file.string());
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<std::string> entries;
    entries.reserve(env.size());
    for (const auto& [name, value] : env)
        entries.push_back(std::string(name).append("=").append(value));
    std::vector<char*> envp;
    envp.reserve(entries.size() + 1);
    for (auto& entry : entries)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    int rc = ::posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), envp.data());
    if (rc != 0)
        throw DataError("cannot start the editor '" + command[0] + "': " + std::strerror(rc));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            throw DataError("lost track of the editor '" + command[0] +
                            "': " + std::strerror(errno));
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

} // namespace steady::app
