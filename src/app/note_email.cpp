#include "app/note_email.hpp"

#include "base/error.hpp"

namespace steady::app {

std::string build_note_mail(const NoteMail& mail)
{
    throw DeliveryError("cannot write the note to " + mail.head.to.name +
                        ": this steady was built without its mail module (build_note_mail is a "
                        "stand-in; see src/app/note_email.hpp)");
}

} // namespace steady::app
