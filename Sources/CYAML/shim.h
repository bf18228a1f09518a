#ifndef MULTINET_CYAML_SHIM_H
#define MULTINET_CYAML_SHIM_H
/// libyaml (Debian's libyaml-dev): the YAML 1.1 parser multinet reads kubeconfigs and
/// themes with, through its event API only (no document loader, no emitter).
#include <yaml.h>
#endif
