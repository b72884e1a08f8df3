#include "app/note_email.hpp"

#include "base/error.hpp"

namespace steady::app {

std::string build_note_email(const NoteEmail& note)
{
    throw DeliveryError("cannot write the note to " + note.to_name +
                        ": this steady was built without its mail module (build_note_email "
                        "is a stand-in)");
}

} // namespace steady::app
