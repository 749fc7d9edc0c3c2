# Makefile: the Care Council portal.
#
#   make run     install what is missing, build, seed a demo council, serve
#                it on http://127.0.0.1:8888
#   make test    install what is missing, build, run every test (also once
#                under AddressSanitizer + UBSan)
#   make bench   benchmarks (print figures; never fail on timing)
#   make fuzz    libFuzzer targets for FUZZ_SECONDS each (default 60)

CC		?= cc
BUILD		?= build
SAN		?=
KORE_FEATURES	:= $(shell cat /usr/share/kore/features 2>/dev/null)
PORTAL_DB	?= var/portal.db
export PORTAL_DB

WARN		= -Wall -Wextra -Werror -Wshadow -Wpointer-arith \
		  -Wmissing-prototypes -Wstrict-prototypes -Wformat=2
CFLAGS_BASE	= -std=c11 -D_GNU_SOURCE -O2 -g -fPIC $(WARN) \
		  -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Iapp/core $(SAN)
LDLIBS_CORE	= -lsqlite3 -lsodium
# The outbox sends mail with libcurl (app/core/mail.c).
LDLIBS_CORE	+= -lcurl
# Kept public files and pages are also kept gzipped (app/core/pagecache.c).
LDLIBS_CORE	+= -lz

CORE_SRC	= $(sort $(wildcard app/core/*.c))
WEB_SRC		= $(sort $(wildcard app/web/*.c))
CLI_SRC		= $(sort $(wildcard app/cli/*.c))
UNIT_SRC	= $(sort $(wildcard tests/unit/test_*.c))
HTTP_SRC	= $(sort $(wildcard tests/http/test_*.c))

CORE_OBJ	= $(CORE_SRC:%.c=$(BUILD)/%.o)
WEB_OBJ		= $(WEB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ		= $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN	= $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HTTP_BIN	= $(HTTP_SRC:tests/http/%.c=$(BUILD)/tests/http_%)
HARNESS_OBJ	= $(BUILD)/tests/http/harness.o

DEB_RUN		= kore libsqlite3-dev libsodium-dev libpq-dev pkg-config
DEB_RUN		+= libcurl4-openssl-dev
DEB_RUN		+= zlib1g-dev
DEB_TEST	= $(DEB_RUN) libcmocka-dev libcurl4-openssl-dev libjansson-dev \
		  clang libclang-rt-14-dev sqlite3 chromium wrk nginx
DEB_TEST	+= python3-aiosmtpd poppler-utils

.PHONY: all run test check-tests deps deps-test clean bench fuzz fuzz-build

all: $(BUILD)/portal.so $(BUILD)/portalctl

# Install Debian packages that are missing (apt-get update only if needed).
deps:
	@sh tools/deps.sh $(DEB_RUN)

deps-test:
	@sh tools/deps.sh $(DEB_TEST)

$(BUILD)/app/web/%.o: app/web/%.c app/web/app.h $(wildcard app/core/*.h)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_BASE) $(KORE_FEATURES) -c $< -o $@

$(BUILD)/app/%.o: app/%.c $(wildcard app/core/*.h)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_BASE) -c $< -o $@

$(BUILD)/portal.so: $(CORE_OBJ) $(WEB_OBJ)
	@echo "  LD      $@"
	@$(CC) $(SAN) -shared -o $@ $^ $(LDLIBS_CORE)

$(BUILD)/portalctl: $(CORE_OBJ) $(CLI_OBJ)
	@echo "  LD      $@"
	@$(CC) $(SAN) -o $@ $^ $(LDLIBS_CORE)

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJ)
	@mkdir -p $(@D)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS_BASE) -Itests -o $@ $< $(CORE_OBJ) $(LDLIBS_CORE) \
	    -lcmocka -ljansson

$(HARNESS_OBJ): tests/http/harness.c tests/http/harness.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_BASE) -Itests/http -c $< -o $@

$(BUILD)/tests/http_%: tests/http/%.c $(HARNESS_OBJ) $(CORE_OBJ)
	@mkdir -p $(@D)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS_BASE) -Itests/http -o $@ $< $(HARNESS_OBJ) \
	    $(CORE_OBJ) $(LDLIBS_CORE) -lcmocka -lcurl -ljansson -lpthread

run: deps all
	@sh tools/run.sh $(BUILD)

# The whole suite: a normal build, then the same tests under ASan+UBSan.
test: deps-test
	@sh tools/test.sh

check-tests: all $(UNIT_BIN) $(HTTP_BIN)

BENCH_SRC	= $(sort $(wildcard bench/*.c))
BENCH_BIN	= $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

$(BUILD)/bench/%: bench/%.c $(HARNESS_OBJ) $(CORE_OBJ)
	@mkdir -p $(@D)
	@echo "  BENCH   $@"
	@$(CC) $(CFLAGS_BASE) -Itests/http -o $@ $< $(HARNESS_OBJ) \
	    $(CORE_OBJ) $(LDLIBS_CORE) -lcurl -lpthread

# Benchmarks print their figures; they never fail on a timing.
bench: deps-test all $(BENCH_BIN)
	@sh tools/deps.sh wrk
	@for b in $(BENCH_BIN); do echo "== $$b"; ./$$b || exit 1; done

# Fuzzing: clang's libFuzzer over the core, with ASan and UBSan.
FUZZ_SECONDS	?= 60
FUZZ_SRC	= $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN	= $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
FUZZ_SAN	= -fsanitize=fuzzer-no-link,address,undefined

build/fuzz/%: fuzz/%.c $(CORE_SRC) $(wildcard app/core/*.h)
	@$(MAKE) -s BUILD=build/fuzz CC=clang SAN="$(FUZZ_SAN)" \
	    $(CORE_SRC:%.c=build/fuzz/%.o)
	@echo "  FUZZ    $@"
	@clang $(CFLAGS_BASE) -fsanitize=fuzzer,address,undefined -o $@ $< \
	    $(CORE_SRC:%.c=build/fuzz/%.o) $(LDLIBS_CORE)

fuzz-build: deps-test $(FUZZ_BIN)

# Each target for FUZZ_SECONDS, growing its corpus under build/ (the
# committed seeds in fuzz/corpus stay as they are).
fuzz: fuzz-build
	@sh tools/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

clean:
	rm -rf build

# Production install (README, "Running it for real"); as root, after
# make all. PREFIX, ETC, DATA, BACKUPS, UNITS, SBIN, RUNAS, PORT: see
# tools/install.sh.
install: all
	@BUILD=$(BUILD) sh tools/install.sh
.PHONY: install
