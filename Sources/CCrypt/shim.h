#ifndef ADVISOR_CCRYPT_SHIM_H
#define ADVISOR_CCRYPT_SHIM_H
#include <crypt.h>
#endif
