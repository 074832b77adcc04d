/* inputs.h: what a run reads. Files, folders (walked), lists of paths
 * (--files-from) and "-" (standard input) become one list of inputs, each
 * with the relative name its output mirrors under -o DIR. */
#ifndef EX_INPUTS_H
#define EX_INPUTS_H

#include <stddef.h>
#include <sys/types.h>

struct ex_input {
	char *path;         /* as opened ("-": standard input) */
	char *rel;          /* below the folder or list it came from: "2019/protokoll.pdf" */
	char *refused;      /* why it is not read (its output would overwrite a file we keep), or NULL */
};

struct ex_inputs {
	struct ex_input *v;
	size_t n, cap;
	dev_t skip_dev;     /* a folder never walked into: the output folder */
	ino_t skip_ino;
	int skip;
};

/* A file, a folder (walked: sorted by name, hidden files and folders
 * skipped, links followed only to files inside the folder), or "-".
 * 0, or -1 with why set (a folder that cannot be opened at the top). */
int ex_inputs_add_arg(struct ex_inputs *in, const char *arg, char *why, size_t whyn);

/* The paths listed in file ("-": standard input), one a line, or
 * NUL-separated when nul. 0, or -1 with why set. */
int ex_inputs_add_list(struct ex_inputs *in, const char *file, int nul, char *why, size_t whyn);

/* Keeps the inputs whose relative name hashes to k of n (FNV-1a): the
 * same split of one archive on every machine, whatever the order. */
void ex_inputs_shard(struct ex_inputs *in, int k, int n);

/* Never walk into dir (the output folder inside an input folder). */
void ex_inputs_skip(struct ex_inputs *in, const char *dir);

void ex_inputs_free(struct ex_inputs *in);

/* The output of an input under -o DIR: DIR/rel + ext (malloc'd). */
char *ex_output_path(const char *dir, const struct ex_input *x, const char *ext);

/* Marks inputs not to be read: their output is an input (by name or
 * file), or an earlier input writes the same output. out is -o (a file,
 * or a folder when out_dir). One pass: linear in the number of inputs. */
void ex_inputs_refuse_clashes(struct ex_inputs *in, const char *out, int out_dir, const char *ext);

/* Removes what a killed run left in dir and below: our temporary files
 * (NAME.tmpXXXXXX beside an output of ours) and nothing else. */
void ex_sweep_temporaries(const char *dir, const char *ext);

#endif
