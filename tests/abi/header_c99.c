/* Compiled with -std=c99 -Wall -Wextra -pedantic -Werror: the header must stay C99. */
#include <socialcart/socialcart.h>

int main(void) {
    sc_status_t status = SC_OK;
    sc_order_state_t state = SC_ORDER_PAID;
    (void)state;
    return (int)status;
}
