#include "config/config.hpp"

#include "base/error.hpp"
#include "config/guard.hpp"
#include "config/keys.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>
#include <tuple>

namespace steady::config {

namespace fs = std::filesystem;

namespace {

using detail::KeySpec;

std::optional<std::string> non_empty(const Env& env, const std::string& name)
{
    const auto it = env.find(name);
    if (it == env.end() || it->second.empty())
        return std::nullopt;
    return it->second;
}

// One key=value of the file with its dotted name, e.g. "remind.checkin_after".
struct Entry {
    std::string dotted;
    const toml::key* key;
    const toml::node* node;
    const KeySpec* spec; // null for an unknown key
};

bool before(const Entry& a, const Entry& b)
{
    const auto& l = a.key->source().begin;
    const auto& r = b.key->source().begin;
    return std::tie(l.line, l.column) < std::tie(r.line, r.column);
}

// The spec of `dotted`; a quoted key containing a dot ("remind.x" = 1) is none.
const KeySpec* find_spec(std::string_view dotted, std::string_view last_part)
{
    if (last_part.find('.') != std::string_view::npos)
        return nullptr;
    for (const KeySpec& spec : detail::key_specs())
        if (spec.key == dotted)
            return &spec;
    return nullptr;
}

// True if some key of SPEC §2 lives in table `name` ("remind" for "remind.…").
bool is_table_name(std::string_view name)
{
    return std::any_of(detail::key_specs().begin(), detail::key_specs().end(),
                       [name](const KeySpec& spec) {
                           return spec.key.size() > name.size() && spec.key.starts_with(name) &&
                                  spec.key[name.size()] == '.';
                       });
}

ConfigError not_a_table(const std::string& path, const toml::node& node, const std::string& name)
{
    return ConfigError(detail::location(path, node.source()) + ": '" + name +
                       "' must be a table like [" + name + "]");
}

// The entries of `root` and of its known tables, in the order of the file. A
// known table given as anything but a table is a ConfigError.
std::vector<Entry> flatten(const toml::table& root, const std::string& path)
{
    std::vector<Entry> out;
    for (const auto& [key, node] : root) {
        const std::string name(key.str());
        const KeySpec* spec = find_spec(name, name);
        if (spec != nullptr || !is_table_name(name)) {
            out.push_back({name, &key, &node, spec});
            continue;
        }
        const toml::table* table = node.as_table();
        if (table == nullptr)
            throw not_a_table(path, node, name);
        for (const auto& [sub_key, sub_node] : *table) {
            std::string dotted = name;
            dotted.append(".").append(sub_key.str());
            out.push_back({dotted, &sub_key, &sub_node, find_spec(dotted, sub_key.str())});
        }
    }
    std::stable_sort(out.begin(), out.end(), before);
    return out;
}

std::string lower_first(std::string_view text)
{
    std::string out(text);
    if (!out.empty())
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string read_file(const fs::path& path)
{
    const std::string cannot_read = "cannot read config file '" + path.string() + "': ";
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw ConfigError(cannot_read + "it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError(cannot_read + std::generic_category().message(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw ConfigError(cannot_read + std::generic_category().message(errno));
    return std::move(text).str();
}

} // namespace

ConfigLocation config_path(const std::optional<std::string>& flag, const Env& env)
{
    if (flag) {
        if (flag->empty())
            throw UsageError("--config needs a file path, not ''");
        return {*flag, true};
    }
    if (const auto named = non_empty(env, "STEADY_CONFIG"))
        return {*named, true};
    if (const auto xdg = non_empty(env, "XDG_CONFIG_HOME"); xdg && fs::path(*xdg).is_absolute())
        return {fs::path(*xdg) / "steady" / "config.toml", false};
    if (const auto home = non_empty(env, "HOME"))
        return {fs::path(*home) / ".config" / "steady" / "config.toml", false};
    return {};
}

fs::path expand_home(std::string_view text, const Env& env)
{
    if (text != "~" && !text.starts_with("~/"))
        return fs::path(text);
    const auto home = non_empty(env, "HOME");
    if (!home)
        throw ConfigError("cannot expand '~' in '" + std::string(text) + "': $HOME is not set");
    if (text == "~")
        return fs::path(*home);
    return fs::path(*home) / text.substr(2);
}

Loaded load(const fs::path& path, bool explicit_path, const Env& env)
{
    std::error_code ec;
    const bool missing = path.empty() || fs::status(path, ec).type() == fs::file_type::not_found;
    if (missing && explicit_path)
        throw NoInputError("config file '" + path.string() + "' does not exist");
    if (missing)
        return {};
    return parse(read_file(path), path, env);
}

Loaded load(const ConfigLocation& where, const Env& env)
{
    return load(where.path, where.explicit_path, env);
}

Loaded parse(std::string_view text, const fs::path& path, const Env& env)
{
    const std::string name = path.string();
    detail::guard_parser(text, name);
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        throw ConfigError(detail::location(name, e.source()) + ": " + lower_first(e.description()));
    }
    Loaded out;
    for (const Entry& entry : flatten(root, name)) {
        if (const KeySpec* spec = entry.spec) {
            spec->read({*entry.node, spec->key, spec->expected, name, env}, out.config);
            continue;
        }
        const std::string where = detail::location(name, entry.key->source(), false);
        out.warnings.push_back({"unknown key '" + entry.dotted + "' in " + where + " (ignored)"});
    }
    return out;
}

} // namespace steady::config
