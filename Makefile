# The two commands a fresh clone needs: `make demo` and `make test`. Both install and build first.
SHELL := /bin/bash
# Run everything on the repo's pinned Node 24 (node_modules/.bin/node), not the machine's Node 20.
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: all install build test unit typecheck lint demo bench dist clean

all: build

node_modules/.install-stamp: package.json package-lock.json $(wildcard */package.json packages/*/package.json)
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.install-stamp

build: install
	npm run build --silent

typecheck: install
	tsc -p tsconfig.check.json

lint: install
	eslint .

unit: build
	npm test --silent

test: build typecheck lint
	npm test --silent

demo: build
	bash scripts/demo.sh

bench: build
	bash test/bench/run-all.sh

# What ships: the npm package, single-file binaries in krew archives, checksums, the krew manifest.
dist: build
	node scripts/release/build.mjs

clean:
	rm -rf node_modules */dist packages/*/dist */*.tsbuildinfo packages/*/*.tsbuildinfo
