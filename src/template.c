/*
 * template.c -- load a brief template (YAML, via libyaml's document API).
 *
 * Every key is checked: an unknown key or a value of the wrong type is an
 * error naming file:line, so a typo never silently changes a brief.
 */
#include "brief/template.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#define MAX_STAGES 32   /* status stages: one bit each in a score */

struct ctx {
	struct arena *a;
	struct stemmer *st;
	yaml_document_t *doc;
	const char *path;
	struct brief_err *err;
	int depth;               /* templates extended on the way here */
	int depth_base;          /* 1: t already holds a base template */
};

#ifndef BRIEF_DATADIR
#define BRIEF_DATADIR "/usr/local/share/brief"
#endif
#define MAX_EXTENDS 4        /* a chain of templates extending each other */

static int S_load(struct arena *a, struct stemmer *st, const char *path,
	struct template *t, struct brief_err *err, int depth);

static int
S_line(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 0;
}

static int
S_fail(struct ctx *c, const yaml_node_t *n, const char *msg, const char *what)
{
	return brief_fail(c->err, "template", c->path, S_line(n), "%s%s%s", msg,
	    what ? ": " : "", what ? what : "");
}

static const char *
S_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Is pair p's key repeated from an earlier pair of mapping n? A key
 * given twice would silently override (or, for lists, corrupt) the
 * first. */
static int
S_dup_key(struct ctx *c, const yaml_node_t *n, const yaml_node_pair_t *p)
{
	const char *k = S_scalar(yaml_document_get_node(c->doc, p->key));
	for (const yaml_node_pair_t *q = n->data.mapping.pairs.start; k && q < p; q++) {
		const char *k2 = S_scalar(yaml_document_get_node(c->doc, q->key));
		if (k2 && strcmp(k, k2) == 0)
			return S_fail(c, yaml_document_get_node(c->doc, p->key),
			    "key given twice", k);
	}
	return 0;
}

static int
S_str(struct ctx *c, const yaml_node_t *n, const char **out)
{
	const char *s = S_scalar(n);
	if (s == NULL)
		return S_fail(c, n, "expected a text value", NULL);
	*out = arena_strndup(c->a, s, strlen(s));
	return 0;
}

static int
S_num(struct ctx *c, const yaml_node_t *n, double lo, double hi, double *out)
{
	const char *s = S_scalar(n);
	char *end;
	if (s == NULL)
		return S_fail(c, n, "expected a number", NULL);
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end != '\0' || errno != 0 || !isfinite(v) || v < lo || v > hi)
		return S_fail(c, n, "number out of range or malformed", s);
	*out = v;
	return 0;
}

static int
S_int(struct ctx *c, const yaml_node_t *n, int lo, int hi, int *out)
{
	double v;
	if (S_num(c, n, lo, hi, &v) != 0)
		return -1;
	if (v != (int)v)
		return S_fail(c, n, "expected a whole number", S_scalar(n));
	*out = (int)v;
	return 0;
}

/* ---- cues --------------------------------------------------------- */

static int
S_cue(struct ctx *c, const yaml_node_t *key, double w, struct cue *cue)
{
	const char *s = S_scalar(key);
	token_vec tk = { 0 };
	if (s == NULL || *s == '\0')
		return S_fail(c, key, "a cue must be a word or phrase", NULL);
	text_tokens(c->st, s, strlen(s), &tk);
	if (tk.n == 0 || tk.n > CUE_MAX_WORDS) {
		VEC_FREE(&tk);
		return S_fail(c, key, "a cue must have 1 to 4 words", s);
	}
	cue->nstem = (int)tk.n;
	for (size_t i = 0; i < tk.n; i++)
		cue->stem[i] = tk.v[i].stem;
	cue->weight = w;
	cue->text = arena_strndup(c->a, s, strlen(s));
	VEC_FREE(&tk);
	return 0;
}

/* Cues: a mapping word -> weight, or a list of words (weight 1). */
static int
S_cues(struct ctx *c, const yaml_node_t *n, struct cue_set *out)
{
	yaml_document_t *d = c->doc;
	size_t i = 0;
	if (n->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *p;
		size_t k = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
		out->v = arena_alloc(c->a, (k ? k : 1) * sizeof *out->v);
		for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			double w;
			if (S_num(c, yaml_document_get_node(d, p->value), 0, 100, &w) ||
			    S_cue(c, yaml_document_get_node(d, p->key), w, &out->v[i++]))
				return -1;
		}
	} else if (n->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *it;
		size_t k = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
		out->v = arena_alloc(c->a, (k ? k : 1) * sizeof *out->v);
		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
			if (S_cue(c, yaml_document_get_node(d, *it), 1.0, &out->v[i++]))
				return -1;
	} else {
		return S_fail(c, n, "cues must be a mapping or a list", NULL);
	}
	out->n = i;
	return 0;
}

/* Cues of an extending template join the base's: a cue given again
 * takes the new weight. */
static void
S_merge_cues(struct ctx *c, struct cue_set *base, const struct cue_set *add)
{
	struct cue *v = arena_alloc(c->a, (base->n + add->n + 1) * sizeof *v);
	size_t n = base->n;
	if (base->n)
		memcpy(v, base->v, base->n * sizeof *v);
	for (size_t i = 0; i < add->n; i++) {
		size_t k = 0;
		while (k < n && strcmp(v[k].text, add->v[i].text) != 0)
			k++;
		v[k] = add->v[i];
		if (k == n)
			n++;
	}
	base->v = v;
	base->n = n;
}

/* ---- sections ----------------------------------------------------- */

static int
S_kind(struct ctx *c, const yaml_node_t *n, enum section_kind *k)
{
	static const char *names[] = { "summary", "facts", "timeline", "quotes",
		"sources" };
	const char *s = S_scalar(n);
	for (size_t i = 0; s && i < sizeof names / sizeof *names; i++)
		if (strcmp(s, names[i]) == 0) {
			*k = (enum section_kind)i;
			return 0;
		}
	return S_fail(c, n, "kind must be summary, facts, timeline, quotes or sources", s);
}

static int
S_weights(struct ctx *c, const yaml_node_t *n, struct section_def *s)
{
	yaml_node_pair_t *p;
	if (n->type != YAML_MAPPING_NODE)
		return S_fail(c, n, "weights must be a mapping", NULL);
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
		const char *key = S_scalar(k);
		double *dst = NULL;
		if (key && strcmp(key, "designator") == 0) dst = &s->w_designator;
		else if (key && strcmp(key, "amount") == 0) dst = &s->w_amount;
		else if (key && strcmp(key, "number") == 0) dst = &s->w_number;
		else if (key && strcmp(key, "date") == 0) dst = &s->w_date;
		if (dst == NULL)
			return S_fail(c, k, "unknown weight", key);
		if (S_num(c, v, 0, 100, dst))
			return -1;
	}
	return 0;
}

/* status: a list of {stage: NAME, cues: CUES}, earliest stage first. */
static int
S_status(struct ctx *c, const yaml_node_t *n, struct section_def *s)
{
	yaml_node_item_t *it;
	if (n->type != YAML_SEQUENCE_NODE)
		return S_fail(c, n, "status must be a list of stages", NULL);
	size_t k = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (k > MAX_STAGES)
		return S_fail(c, n, "at most 32 status stages", NULL);
	s->stage = arena_alloc(c->a, (k ? k : 1) * sizeof *s->stage);
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		const yaml_node_t *sn = yaml_document_get_node(c->doc, *it);
		struct status_stage *st = &s->stage[s->nstage];
		yaml_node_pair_t *p;
		if (sn->type != YAML_MAPPING_NODE)
			return S_fail(c, sn, "a status stage must be a mapping", NULL);
		st->line = S_line(sn);
		for (p = sn->data.mapping.pairs.start; p < sn->data.mapping.pairs.top; p++) {
			const yaml_node_t *key = yaml_document_get_node(c->doc, p->key);
			const yaml_node_t *val = yaml_document_get_node(c->doc, p->value);
			const char *ks = S_scalar(key);
			int rc;
			if (S_dup_key(c, sn, p))
				return -1;
			if (ks && strcmp(ks, "stage") == 0)
				rc = S_str(c, val, &st->name);
			else if (ks && strcmp(ks, "cues") == 0)
				rc = S_cues(c, val, &st->cues);
			else
				return S_fail(c, key, "unknown status key", ks);
			if (rc)
				return -1;
		}
		if (st->name == NULL || st->cues.n == 0)
			return S_fail(c, sn, "a status stage needs a stage name and cues", NULL);
		s->nstage++;
	}
	return 0;
}

static int
S_section_key(struct ctx *c, const char *key, const yaml_node_t *k,
	const yaml_node_t *v, struct section_def *s, int merge)
{
	double d;
	if (strcmp(key, "id") == 0) return S_str(c, v, &s->id);
	if (strcmp(key, "heading") == 0) return S_str(c, v, &s->heading);
	if (strcmp(key, "kind") == 0) return S_kind(c, v, &s->kind);
	if (strcmp(key, "max_items") == 0) return S_int(c, v, 0, 100, &s->max_items);
	if (strcmp(key, "min_items") == 0) return S_int(c, v, 0, 100, &s->min_items);
	if (strcmp(key, "cues") == 0 && merge) {
		struct cue_set add = { NULL, 0, NULL, NULL, 0 };
		if (S_cues(c, v, &add))
			return -1;
		S_merge_cues(c, &s->cues, &add);
		return 0;
	}
	if (strcmp(key, "cues") == 0) return S_cues(c, v, &s->cues);
	if (strcmp(key, "weights") == 0) return S_weights(c, v, s);
	if (strcmp(key, "status") == 0) {
		s->stage = NULL;        /* a ladder is replaced whole */
		s->nstage = 0;
		return S_status(c, v, s);
	}
	if (strcmp(key, "status_topic") == 0)
		return S_num(c, v, 0, 1000, &s->status_topic);
	if (strcmp(key, "about_agreement") == 0) {
		const char *b = S_scalar(v);
		if (b == NULL || (strcmp(b, "true") != 0 && strcmp(b, "false") != 0))
			return S_fail(c, v, "about_agreement must be true or false", b);
		s->about = strcmp(b, "true") == 0;
		return 0;
	}
	if (strcmp(key, "min_score") == 0) {
		if (S_num(c, v, 0, 1000, &d))
			return -1;
		s->min_score = d;
		return 0;
	}
	return S_fail(c, k, "unknown section key", key);
}

/* Keys that change nothing for a section of this kind: an error, so a
 * template never seems to say what it does not. */
static const char *
S_idle_key(const struct section_def *s, const char *key)
{
	static const char *const by_kind[][7] = {
		/* summary */ { "about_agreement", NULL },
		/* facts */ { "status", "status_topic", NULL },
		/* timeline */ { "status", "status_topic", "about_agreement", NULL },
		/* quotes */ { "min_score", "status", "status_topic", "about_agreement", NULL },
		/* sources */ { "cues", "weights", "min_score", "status", "status_topic",
			"about_agreement", NULL },
	};
	for (int i = 0; by_kind[s->kind][i] != NULL; i++)
		if (strcmp(key, by_kind[s->kind][i]) == 0)
			return key;
	return NULL;
}

/* A section; with base (an extended template's section of the same
 * id) its keys apply on top of the base's. */
static int
S_section(struct ctx *c, const yaml_node_t *n, struct section_def *s,
	int merge)
{
	yaml_node_pair_t *p;
	int has_kind = merge;
	if (n->type != YAML_MAPPING_NODE)
		return S_fail(c, n, "a section must be a mapping", NULL);
	s->line = S_line(n);
	if (!merge) {
		s->max_items = 6;
		s->min_items = 1;
		s->min_score = 1.0;
		s->status_topic = 1.5;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
		const char *key = S_scalar(k);
		if (key == NULL)
			return S_fail(c, k, "section keys must be text", NULL);
		if (S_dup_key(c, n, p) ||
		    S_section_key(c, key, k, yaml_document_get_node(c->doc, p->value), s,
		    merge))
			return -1;
		if (strcmp(key, "kind") == 0)
			has_kind = 1;
	}
	if (s->id == NULL || s->heading == NULL || !has_kind)
		return S_fail(c, n, "a section needs an id, a heading and a kind", NULL);
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
		const char *idle = S_idle_key(s, S_scalar(k));
		if (idle != NULL)
			return S_fail(c, k, "this key has no effect in a section of this kind",
			    idle);
	}
	if (s->nstage > 0 && s->kind != SK_SUMMARY)
		return S_fail(c, n, "only a summary section has status stages", s->id);
	if (s->min_items > s->max_items)
		s->min_items = s->max_items;
	return 0;
}

/* The id a section mapping gives, or NULL. */
static const char *
S_section_id(struct ctx *c, const yaml_node_t *n)
{
	yaml_node_pair_t *p;
	if (n->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const char *k = S_scalar(yaml_document_get_node(c->doc, p->key));
		if (k && strcmp(k, "id") == 0)
			return S_scalar(yaml_document_get_node(c->doc, p->value));
	}
	return NULL;
}

/* Sections. Extending a template, an id the base has changes that
 * section; a new id adds one, before the base's source list. */
static int
S_sections(struct ctx *c, const yaml_node_t *n, struct template *t)
{
	yaml_node_item_t *it;
	if (n->type != YAML_SEQUENCE_NODE)
		return S_fail(c, n, "sections must be a list", NULL);
	size_t k = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	size_t base_n = t->nsec;
	struct section_def *sec = arena_alloc(c->a, (k + base_n + 1) * sizeof *sec);
	if (base_n)
		memcpy(sec, t->sec, base_n * sizeof *sec);
	t->sec = sec;
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		const yaml_node_t *sn = yaml_document_get_node(c->doc, *it);
		const char *id = S_section_id(c, sn);
		size_t j = 0;
		while (id && j < base_n && strcmp(t->sec[j].id, id) != 0)
			j++;
		if (id && j < base_n) {
			if (S_section(c, sn, &t->sec[j], 1))
				return -1;
			continue;
		}
		struct section_def ns;
		memset(&ns, 0, sizeof ns);
		if (S_section(c, sn, &ns, 0))
			return -1;
		for (j = 0; j < t->nsec; j++) {
			if (strcmp(t->sec[j].id, ns.id) == 0)
				return S_fail(c, sn, "duplicate section id", ns.id);
			if (t->sec[j].kind == SK_SUMMARY && ns.kind == SK_SUMMARY)
				return S_fail(c, sn, "at most one summary section", t->sec[j].id);
		}
		size_t at = t->nsec;
		if (base_n > 0 && at > 0 && t->sec[at - 1].kind == SK_SOURCES) {
			t->sec[at] = t->sec[at - 1];   /* keep the sources last */
			at--;
		}
		t->sec[at] = ns;
		t->nsec++;
	}
	if (t->nsec == 0)
		return S_fail(c, n, "a template needs at least one section", NULL);
	return 0;
}

/* ---- layout and top level ---------------------------------------- */

static int
S_layout(struct ctx *c, const yaml_node_t *n, struct layout_def *l)
{
	yaml_node_pair_t *p;
	if (n->type != YAML_MAPPING_NODE)
		return S_fail(c, n, "layout must be a mapping", NULL);
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
		const char *key = S_scalar(k), *s;
		int rc;
		if (key == NULL)
			return S_fail(c, k, "layout keys must be text", NULL);
		if (S_dup_key(c, n, p))
			return -1;
		if (strcmp(key, "paper") == 0) {
			s = S_scalar(v);
			if (s == NULL || (strcmp(s, "a4") && strcmp(s, "letter")))
				return S_fail(c, v, "paper must be a4 or letter", s);
			l->letter = strcmp(s, "letter") == 0;
			rc = 0;
		} else if (strcmp(key, "body_pt") == 0) rc = S_num(c, v, 6, 24, &l->body_pt);
		else if (strcmp(key, "min_pt") == 0) rc = S_num(c, v, 6, 24, &l->min_pt);
		else if (strcmp(key, "margin_pt") == 0) rc = S_num(c, v, 10, 144, &l->margin_pt);
		else if (strcmp(key, "max_pages") == 0) rc = S_int(c, v, 1, 100, &l->max_pages);
		else if (strcmp(key, "serif") == 0) rc = S_str(c, v, &l->serif);
		else if (strcmp(key, "sans") == 0) rc = S_str(c, v, &l->sans);
		else return S_fail(c, k, "unknown layout key", key);
		if (rc)
			return -1;
	}
	if (l->body_pt < l->min_pt)
		return S_fail(c, n, "body_pt is below min_pt", NULL);
	return 0;
}

/* keywords: a string or a list of strings, joined with ", ". */
static int
S_keywords(struct ctx *c, const yaml_node_t *n, const char **out)
{
	yaml_node_item_t *it;
	struct buf b = { 0 };
	if (n->type == YAML_SCALAR_NODE)
		return S_str(c, n, out);
	if (n->type != YAML_SEQUENCE_NODE)
		return S_fail(c, n, "keywords must be text or a list", NULL);
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		const char *s = S_scalar(yaml_document_get_node(c->doc, *it));
		if (s == NULL) {
			buf_free(&b);
			return S_fail(c, n, "keywords must be text", NULL);
		}
		buf_printf(&b, "%s%s", b.n ? ", " : "", s);
	}
	*out = arena_strndup(c->a, buf_cstr(&b), b.n);
	buf_free(&b);
	return 0;
}

/* The skeleton path is relative to the template's directory. */
static int
S_skeleton(struct ctx *c, const yaml_node_t *n, struct template *t)
{
	const char *rel = S_scalar(n), *slash = strrchr(c->path, '/');
	char *text;
	size_t len;
	struct brief_err e2;
	if (rel == NULL)
		return S_fail(c, n, "markdown must be a file name", NULL);
	t->skeleton_path = rel[0] == '/' || slash == NULL ? arena_strndup(c->a, rel, strlen(rel)) :
	    arena_printf(c->a, "%.*s/%s", (int)(slash - c->path), c->path, rel);
	if (file_read(t->skeleton_path, &text, &len, &e2) != 0)
		return S_fail(c, n, "cannot read the Markdown skeleton", e2.msg);
	t->skeleton = arena_strndup(c->a, text, len);
	free(text);
	return 0;
}

static int
S_top_key(struct ctx *c, const char *key, const yaml_node_t *k,
	const yaml_node_t *v, struct template *t)
{
	if (strcmp(key, "title") == 0) return S_str(c, v, &t->title);
	if (strcmp(key, "subject") == 0) return S_str(c, v, &t->subject);
	if (strcmp(key, "author") == 0) return S_str(c, v, &t->author);
	if (strcmp(key, "lang") == 0) return S_str(c, v, &t->lang);
	if (strcmp(key, "keywords") == 0) return S_keywords(c, v, &t->keywords);
	if (strcmp(key, "markdown") == 0) return S_skeleton(c, v, t);
	if (strcmp(key, "layout") == 0) return S_layout(c, v, &t->layout);
	if (strcmp(key, "topic") == 0 && c->depth_base) {
		struct cue_set add = { NULL, 0, NULL, NULL, 0 };
		if (S_cues(c, v, &add))
			return -1;
		S_merge_cues(c, &t->topic, &add);
		return 0;
	}
	if (strcmp(key, "topic") == 0) return S_cues(c, v, &t->topic);
	if (strcmp(key, "extends") == 0) return 0;   /* read first, in S_root */
	if (strcmp(key, "sections") == 0) return S_sections(c, v, t);
	return S_fail(c, k, "unknown template key", key);
}

const char *
template_datadir(void)
{
	static char dir[4200];
	char exe[4096], probe[4200];
	ssize_t n;
	char *slash;

	if (dir[0] != '\0')
		return dir;
	snprintf(dir, sizeof dir, "%s", BRIEF_DATADIR);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return dir;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return dir;
	*slash = '\0';                      /* PREFIX/bin */
	if ((slash = strrchr(exe, '/')) == NULL || strcmp(slash, "/bin") != 0)
		return dir;
	*slash = '\0';                      /* PREFIX */
	snprintf(probe, sizeof probe, "%s/share/brief/templates", exe);
	if (access(probe, R_OK | X_OK) == 0)
		snprintf(dir, sizeof dir, "%s/share/brief", exe);
	return dir;
}

static const char default_skeleton[] =
	"# {{title}}\n\n*{{dateline}}*\n\n{{sections}}\n";

static void
S_defaults(struct template *t)
{
	memset(t, 0, sizeof *t);
	t->layout.body_pt = 9.5;
	t->layout.min_pt = 8.5;
	t->layout.margin_pt = 42;
	t->layout.max_pages = 1;
	t->layout.serif = "Noto Serif";
	t->layout.sans = "Noto Sans";
	t->author = "brief";
	t->lang = "en";
	t->skeleton = default_skeleton;
}

/* "extends: NAME": NAME.yaml beside this template, else in ./templates,
 * else in the installed templates. */
static int
S_extends(struct ctx *c, const yaml_node_t *v, struct template *t)
{
	const char *name = S_scalar(v), *slash = strrchr(c->path, '/');
	char *cand[3];
	if (name == NULL || *name == '\0' || strchr(name, '/') != NULL)
		return S_fail(c, v, "extends must name a template (no path)", name);
	if (c->depth >= MAX_EXTENDS)
		return S_fail(c, v, "templates extend each other too deeply", name);
	cand[0] = slash ? arena_printf(c->a, "%.*s/%s.yaml", (int)(slash - c->path),
	    c->path, name) : arena_printf(c->a, "%s.yaml", name);
	cand[1] = arena_printf(c->a, "templates/%s.yaml", name);
	cand[2] = arena_printf(c->a, "%s/templates/%s.yaml", template_datadir(), name);
	for (int i = 0; i < 3; i++) {
		FILE *fp = fopen(cand[i], "r");
		if (fp == NULL)
			continue;
		fclose(fp);
		struct brief_err e2;
		if (S_load(c->a, c->st, cand[i], t, &e2, c->depth + 1) != 0) {
			*c->err = e2;
			return -1;
		}
		c->depth_base = 1;
		return 0;
	}
	return S_fail(c, v, "no such template to extend", name);
}

static int
S_root(struct ctx *c, const yaml_node_t *root, struct template *t)
{
	yaml_node_pair_t *p;
	if (root == NULL || root->type != YAML_MAPPING_NODE)
		return S_fail(c, root, "a template must be a YAML mapping", NULL);
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
		const char *key = S_scalar(k);
		if (key && strcmp(key, "extends") == 0 &&
		    S_extends(c, yaml_document_get_node(c->doc, p->value), t) != 0)
			return -1;
	}
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
		const char *key = S_scalar(k);
		if (key == NULL)
			return S_fail(c, k, "template keys must be text", NULL);
		if (S_dup_key(c, root, p) ||
		    S_top_key(c, key, k, yaml_document_get_node(c->doc, p->value), t))
			return -1;
	}
	if (t->title == NULL)
		return S_fail(c, root, "a template needs a title", NULL);
	if (t->sec == NULL)
		return S_fail(c, root, "a template needs sections", NULL);
	return 0;
}

static int
S_load(struct arena *a, struct stemmer *st, const char *path,
	struct template *t, struct brief_err *err, int depth)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	char *text;
	size_t len;
	int rc = -1;

	if (file_read(path, &text, &len, err) != 0)
		return -1;
	if (depth == 0)
		S_defaults(t);
	const char *own = arena_strndup(a, path, strlen(path));
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		brief_fail(err, "template", path, (int)parser.problem_mark.line + 1,
		    "YAML: %s", parser.problem ? parser.problem : "parse error");
		goto out_parser;
	}
	struct ctx c = { a, st, &doc, own, err, depth, 0 };
	rc = S_root(&c, yaml_document_get_root_node(&doc), t);
	yaml_document_delete(&doc);
out_parser:
	yaml_parser_delete(&parser);
	free(text);
	if (depth == 0)
		t->path = own;
	return rc;
}

/* Index a cue set by its cues' first stems (not a set with a cue of
 * no stem, which matches anywhere: it is searched cue by cue). */
static void
S_index(struct arena *a, struct cue_set *cs)
{
	size_t m = 16;

	for (size_t q = 0; q < cs->n; q++)
		if (cs->v[q].nstem <= 0)
			return;

	while (m < 2 * cs->n)
		m *= 2;
	cs->slot = arena_alloc(a, m * sizeof *cs->slot);
	cs->next = arena_alloc(a, (cs->n ? cs->n : 1) * sizeof *cs->next);
	cs->nslot = m;
	for (size_t q = cs->n; q-- > 0; ) {   /* chains in cue order */
		uint32_t h = (cs->v[q].nstem > 0 ? cs->v[q].stem[0] : 0) &
			(uint32_t)(m - 1);

		cs->next[q] = cs->slot[h];
		cs->slot[h] = (uint32_t)q + 1;
	}
}

int
template_load(struct arena *a, struct stemmer *st, const char *path,
	struct template *t, struct brief_err *err)
{
	if (S_load(a, st, path, t, err, 0) != 0)
		return -1;
	S_index(a, &t->topic);
	for (size_t k = 0; k < t->nsec; k++) {
		S_index(a, &t->sec[k].cues);
		for (size_t g = 0; g < t->sec[k].nstage; g++)
			S_index(a, &t->sec[k].stage[g].cues);
	}
	return 0;
}

const struct section_def *
template_section(const struct template *t, const char *id)
{
	for (size_t i = 0; i < t->nsec; i++)
		if (strcmp(t->sec[i].id, id) == 0)
			return &t->sec[i];
	return NULL;
}
