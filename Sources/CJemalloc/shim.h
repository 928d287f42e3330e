// Trillium's executables allocate through jemalloc instead of glibc's malloc: linking the
// library is all it takes (it provides malloc and free). The one declaration below lets the
// command line name the allocator it runs on.
#include <stddef.h>

int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
