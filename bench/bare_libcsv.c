/* The baseline for `make bench`: a bare libcsv parse of a file, read in 1 MB blocks, each
 * field copied into a per-row arena (as any real consumer must), nothing else.
 * Prints rows and fields so that the work cannot be optimised away. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counts { size_t rows, fields, bytes; char arena[1 << 16]; size_t used; };

static void on_field(void *s, size_t len, void *data) {
    struct counts *c = data;
    if (c->used + len < sizeof c->arena) { memcpy(c->arena + c->used, s, len); c->used += len; }
    c->fields++;
    c->bytes += len;
}

static void on_row(int t, void *data) {
    struct counts *c = data;
    (void)t;
    c->rows++;
    c->used = 0;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s FILE\n", argv[0]); return 2; }
    FILE *fp = fopen(argv[1], "rb");
    if (!fp) { perror(argv[1]); return 1; }
    struct csv_parser p;
    csv_init(&p, 0);
    static char buf[1 << 20];
    struct counts c = {0};
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) csv_parse(&p, buf, n, on_field, on_row, &c);
    csv_fini(&p, on_field, on_row, &c);
    csv_free(&p);
    fclose(fp);
    printf("rows=%zu fields=%zu bytes=%zu\n", c.rows, c.fields, c.bytes);
    return 0;
}
