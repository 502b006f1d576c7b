// Compiled as C++11 with -Wall -Wextra -pedantic -Werror: C++ hosts include the header as is.
#include <socialcart/socialcart.h>

int main() {
    sc_status_t status = SC_OK;
    sc_durability_t durability = SC_DURABILITY_FULL;
    (void)durability;
    return static_cast<int>(status);
}
