// What both modules, steady-mail.so and steady-crypt.so, give back in a
// steady_mail_result.
#include <cstdlib>
#include <cstring>
#include <new>

#include "mail/module.hpp"

namespace steady::mail {

char* copy_out(std::string_view text)
{
    auto* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (!out)
        throw std::bad_alloc();
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = '\0';
    return out;
}

void set_result(steady_mail_result* result, std::string_view text)
{
    result->data = copy_out(text);
    result->size = text.size();
}

void free_result(steady_mail_result* result)
{
    if (!result)
        return;
    std::free(result->data);
    std::free(result->error);
    result->data = nullptr;
    result->error = nullptr;
    result->size = 0;
}

} // namespace steady::mail
