/* libxlsxwriter from Debian's libxlsxwriter-dev (found through `pkg-config xlsxwriter`). */
#include <xlsxwriter.h>
