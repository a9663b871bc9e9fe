# The two commands a fresh clone needs: `make demo` and `make test`. Both install and build first.
SHELL := /bin/bash
# Run everything on the repo's pinned Node 24 (node_modules/.bin/node), not the machine's Node 20.
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: all install build test unit typecheck lint fmt fmt-check docs verify-docs demo bench dist chart image sbom clean

all: build

node_modules/.install-stamp: package.json package-lock.json $(wildcard */package.json packages/*/package.json)
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.install-stamp

build: install
	npm run build --silent

typecheck: install
	tsc -p tsconfig.check.json

lint: install fmt-check
	eslint .

# Biome formats TS/JS/JSON (biome.json: line width 140); `make lint` (and so `make test`) fails on unformatted files.
fmt: install
	biome format --write .

fmt-check: install
	biome format .

unit: build
	npm test --silent

prerequisites:
	bash scripts/test-prerequisites.sh

# Generated regions of the docs (rule catalogue, each command's --help), from the built code.
# `make test` runs verify-docs, which fails while they are stale (Kubernetes' hack/update-*, hack/verify-*).
docs: build
	node scripts/docs/generate.ts

verify-docs: build
	node scripts/docs/generate.ts --verify

test: prerequisites build typecheck lint verify-docs
	npm test --silent

# Release pieces (.github/workflows/release.yaml runs these; tests run them too). VERSION: the
# release's version without the "v" (default: the webhook package's).
VERSION ?= $(shell node -p "require('./webhook/package.json').version")
CHART_OUT ?= dist/chart
# The Helm chart, linted and packaged as $(CHART_OUT)/workload-webhook-$(VERSION).tgz, its image tag $(VERSION).
chart:
	node scripts/helm.mjs lint --strict charts/workload-webhook
	node scripts/helm.mjs package charts/workload-webhook --version $(VERSION) --app-version $(VERSION) --destination $(CHART_OUT)

# The webhook's OCI image (linux/amd64 + linux/arm64) under $(IMAGE_OUT), no daemon needed (scripts/image/build.ts).
# IMAGE=registry/name overrides the name; downloads (pinned in scripts/image/runtime.lock) are cached in .cache/image.
IMAGE_OUT ?= dist/image
image: build
	node scripts/image/build.ts --out $(IMAGE_OUT) --tag $(VERSION) $(if $(IMAGE),--image $(IMAGE))

# The CycloneDX SBOM of the image `make image` wrote (schema-checked before it is written).
sbom:
	node scripts/release/sbom.ts --contents $(IMAGE_OUT)/contents.json --out $(IMAGE_OUT)/sbom.cdx.json

demo: build
	bash scripts/demo.sh

bench: build
	bash test/bench/run-all.sh

# What ships: the npm package, single-file binaries in krew archives, checksums, the krew manifest.
dist: build
	node scripts/release/build.mjs

clean:
	rm -rf node_modules dist .cache */dist packages/*/dist */*.tsbuildinfo packages/*/*.tsbuildinfo
