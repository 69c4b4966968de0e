/* placeholder.c — stands in for the CLI while the backend modules land. */
#include "config.h"
#include <stdio.h>
int
main(void)
{
    puts(PACKAGE_STRING);
    return 0;
}
