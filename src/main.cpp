#include "app/run.hpp"

int main(int argc, char** argv)
{
    return steady::app::run(argc, argv);
}
