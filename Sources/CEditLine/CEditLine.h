/* Line editing and history for `lvzhi console`: libedit (BSD licence) from Debian's
   libedit-dev, through its readline-compatible interface. */
#include <stdio.h>
#include <editline/readline.h>
