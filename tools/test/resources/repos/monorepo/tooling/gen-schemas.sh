#!/bin/sh
echo schemas
